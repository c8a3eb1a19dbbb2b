/**
 * Register lookup benchmark: writes a GIAS-sized extract (50,000 rows, about
 * 60 MB, Windows-1252, every column of the real header) to /tmp and times
 * finding a URN at its start, middle and end, and one it lacks.
 * Run: npm run build && node dist/bench/register.js
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { findSchoolInRegister } from '../src/register/index.js';
import { giasHeaderLine, giasLine, windows1252 } from '../test/register/gias-csv.js';

const file = '/tmp/monitoring-letter-bench-gias.csv';
const rows = 50_000;
const firstUrn = 100_000;

const types = ['Community school', 'Voluntary aided school', 'Academy converter', 'Foundation school', 'Free schools'];

function row(i: number): Record<string, string> {
  const urn = String(firstUrn + i);
  const row: Record<string, string> = {};
  // Fill every column with plausible text so the row is as long as a real one (about 1.2 KB).
  giasHeaderLine()
    .trim()
    .split(',')
    .forEach((column, index) => {
      if (index % 3 === 0) row[column] = 'Not applicable';
    });
  Object.assign(row, {
    URN: urn,
    'LA (code)': String(800 + (i % 150)),
    'LA (name)': 'Norfolk',
    EstablishmentNumber: String(2000 + (i % 7000)),
    EstablishmentName: `St Bede\u2019s School number ${i}, Upper Site`,
    'TypeOfEstablishment (name)': types[i % types.length]!,
    'EstablishmentStatus (name)': 'Open',
    'PhaseOfEducation (name)': 'Primary',
    'Boarders (name)': 'No boarders',
    'OfficialSixthForm (name)': 'Does not have a sixth form',
    'ReligiousCharacter (name)': 'Church of England',
    'Diocese (name)': 'Diocese of Norwich',
    Street: `${i} Church Lane`,
    Town: 'Norwich',
    Postcode: 'NR1 2DH',
    TelephoneNum: `0160${String(i).padStart(6, '0')}`,
    'HeadTitle (name)': 'Mrs',
    HeadFirstName: 'Zoë',
    HeadLastName: 'Hughes',
    SchoolWebsite: `http://www.school-${i}.norfolk.sch.uk/about/us/and/a/long/path/to/make/the/row/realistic`,
    'AdministrativeWard (name)': 'Thorpe Hamlet, Ward of the City of Norwich',
    'ParliamentaryConstituency (name)': 'Norwich South',
    'MSOA (name)': 'Norwich 012',
    'LSOA (name)': 'Norwich 012C',
  });
  return row;
}

async function writeRegister(): Promise<void> {
  const out = createWriteStream(file);
  out.write(windows1252(giasHeaderLine()));
  for (let i = 0; i < rows; i++) {
    if (!out.write(windows1252(giasLine(row(i))))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function time(label: string, urn: string): Promise<void> {
  const times: number[] = [];
  let found = false;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    found = (await findSchoolInRegister(file, urn)) !== undefined;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} URN ${urn}: ${times[2]!.toFixed(1)} ms median of 5 (fastest ${times[0]!.toFixed(1)} ms), ${found ? 'found' : 'not found'}`,
  );
}

if (!existsSync(file) || statSync(file).size > 80_000_000) await writeRegister();
console.log(`${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${rows} rows`);
await time('first row', String(firstUrn));
await time('middle row', String(firstUrn + rows / 2));
await time('last row', String(firstUrn + rows - 1));
await time('absent (whole file read)', '999999');
