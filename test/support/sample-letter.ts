/**
 * Sample document trees for the writers' tests: a realistic two-page
 * monitoring letter and a long one of three or more pages, with the names
 * and typography real letters carry (Łukasz, Siân, Zoë, Ó Súilleabháin,
 * curly quotes, dashes, €).
 */
import type { Block, DocumentMeta, Inline, LetterDocument } from '../../src/letter/tree.js';

const text = (value: string): Inline => ({ type: 'text', value });
const strong = (value: string): Inline => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): Inline => ({ type: 'emphasis', children: [text(value)] });
const br: Inline = { type: 'break' };

const para = (role: Block['role'], ...children: Inline[]): Block => ({ type: 'paragraph', role, children });
const body = (value: string): Block => para('body', text(value));
const heading = (depth: 1 | 2 | 3, value: string): Block => ({
  type: 'heading',
  depth,
  role: 'body',
  children: [text(value)],
});
const list = (ordered: boolean, items: string[], start = 1): Block => ({
  type: 'list',
  ordered,
  start,
  role: 'body',
  items: items.map((item) => ({ children: [body(item)] })),
});

export const sampleMeta: DocumentMeta = {
  title:
    'Requires improvement: monitoring inspection visit to St Mary’s Church of England Voluntary Aided Primary School',
  subject: 'Monitoring inspection letter, URN 121190',
  author: 'Siân Ó Súilleabháin HMI',
  language: 'en-GB',
  keywords: ['monitoring inspection', 'requires improvement', 'URN 121190'],
  urn: '121190',
  visitDate: '2014-03-12',
  letterDate: '2014-03-14',
  status: 'final',
  published: true,
  generator: 'monitoring-letter 0.1.0',
  templateHash: '3f7a9c0d2b8e41f6a5c7d9e0b1a2c3d4e5f60718293a4b5c6d7e8f9012345678',
};

const letterhead: Block[] = [
  para(
    'letterhead',
    strong('Ofsted'),
    br,
    text('Piccadilly Gate'),
    br,
    text('Store Street'),
    br,
    text('Manchester M1 2WD'),
    br,
    text('T 0300 123 4234'),
    br,
    text('www.ofsted.gov.uk'),
  ),
  para('letterhead', text('Direct T 0121 679 9156'), br, text('Direct email: sian.osuilleabhain@serco.com')),
];

const opening: Block[] = [
  para('date', text('14 March 2014')),
  para(
    'address',
    text('Mrs Zoë Hughes'),
    br,
    text('Headteacher'),
    br,
    text('St Mary’s Church of England Voluntary Aided Primary School'),
    br,
    text('Church Lane'),
    br,
    text('Hethersett'),
    br,
    text('Norwich'),
    br,
    text('NR9 3AB'),
  ),
  para('salutation', text('Dear Mrs Hughes')),
  heading(
    1,
    'Requires improvement: monitoring inspection visit to St Mary’s Church of England Voluntary Aided Primary School',
  ),
  body(
    'Following my visit to your school on 12 March 2014, I write on behalf of Her Majesty’s Chief Inspector of Schools to confirm the inspection findings. Thank you for the help you gave me and for making the time to discuss the actions you are taking to improve the school since the most recent section 5 inspection.',
  ),
  body(
    'The visit was the first monitoring inspection since the school was judged to require improvement following the section 5 inspection in January 2014. It was carried out under section 8 of the Education Act 2005.',
  ),
  para(
    'body',
    strong(
      'Senior leaders and governors are taking effective action to tackle the areas requiring improvement identified at the recent section 5 inspection.',
    ),
  ),
  body('The school should take further action to:'),
  list(false, [
    'make sure that teachers in Key Stage 2 use assessment information to plan work that challenges the most able pupils, including in mathematics',
    'give boys more opportunities to write at length — in history, geography and science as well as in English',
    'sharpen the school improvement plan so that each action has a measurable “success criterion” and a date by which it will be checked',
  ]),
];

const evidence: Block[] = [
  heading(2, 'Evidence'),
  body(
    'During the visit, meetings were held with the headteacher, the deputy headteacher and the leader for English, the Chair of the Governing Body, Mr Łukasz Nowak, and two other governors, a representative of the local authority and a representative of the Diocese of Norwich to discuss the action taken since the last inspection. The school improvement plan was evaluated.',
  ),
  body(
    'HMI visited five lessons, three of them jointly with the headteacher, and looked at pupils’ work in those lessons. HMI also scrutinised the minutes of governors’ meetings, the school’s records of the checks it makes on teaching, and its tracking of pupils’ progress.',
  ),
  heading(2, 'Context'),
  body(
    'Since the inspection, a new deputy headteacher, Mr Rhodri Ó Súilleabháin, has joined the school. Two teachers have left and one has joined. The governing body has co-opted a governor with experience of school finance; the school received €2,500 from a European partnership fund for its work with a partner school in Kraków.',
  ),
];

const findings: Block[] = [
  heading(2, 'Main findings'),
  body(
    'The headteacher has responded quickly and decisively to the inspection’s findings. She has shared them with staff, governors and parents in a clear and honest way, and everyone understands what needs to improve. Staff morale is high and teachers say that they value the “no-nonsense” support they are given.',
  ),
  body(
    'Teaching is improving. In the lessons visited, teachers used assessment information well to plan work at different levels of difficulty. In a Year 5 lesson, the most able pupils were challenged to explain their reasoning — and did so with confidence. Nevertheless, in some lessons the work set for the most able pupils is still too easy, and they finish it quickly without being moved on.',
  ),
  body(
    'Boys’ writing is improving because they now write at length more often, and they say that the new topics, such as “Vikings and Invaders”, interest them. The quality of their handwriting and presentation remains variable.',
  ),
  para(
    'body',
    text(
      'Governors now ask searching questions about pupils’ achievement. The minutes of their meetings show that they ',
    ),
    emphasis('challenge'),
    text(
      ' leaders about the progress of different groups of pupils, including those supported by the pupil premium. The external review of the use of the pupil premium was commissioned promptly and is due to report before Easter.',
    ),
  ),
  body(
    'The school’s improvement plan is fit for purpose. It addresses the areas for improvement identified at the inspection, but some of its success criteria are not precise enough to allow governors to check whether actions are having the intended impact.',
  ),
  heading(2, 'External support'),
  body(
    'The local authority and the Diocese of Norwich provide effective support. The local authority’s adviser has helped the headteacher to check the quality of teaching, and the diocese has brokered support from a good school nearby, where teachers have watched lessons in writing.',
  ),
];

const closing: Block[] = [
  body(
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Norfolk, the Diocese of Norwich and the Norwich Diocesan Board of Education. This letter will be published on the Ofsted website.',
  ),
  para('signoff', text('Yours sincerely'), br, br, text('Siân Ó Súilleabháin'), br, strong('Her Majesty’s Inspector')),
];

/** A realistic two-page monitoring letter. */
export function sampleLetter(overrides: Partial<DocumentMeta> = {}): LetterDocument {
  return {
    meta: { ...sampleMeta, ...overrides },
    blocks: [...letterhead, ...opening, ...evidence, ...findings, ...closing],
  };
}

/** A long letter (three pages or more): a subsequent visit with extra findings, lists and sections. */
export function longLetter(overrides: Partial<DocumentMeta> = {}): LetterDocument {
  const extra: Block[] = [
    heading(2, 'Progress on each area for improvement'),
    heading(3, 'Teaching and learning'),
    body(
      'Teachers’ planning now routinely identifies what the most able pupils should learn, and in mathematics this is leading to faster progress. Pupils in Year 6 explained how the “extend yourself” tasks made them think harder. In English, however, the extension tasks are sometimes only “more of the same”, so the most able pupils do not deepen their understanding.',
    ),
    body(
      'The school’s own checks on teaching show a rising proportion of good teaching since the inspection. Leaders’ judgements are accurate: HMI agreed with them in each of the lessons observed jointly. Feedback to teachers is specific, and follow-up checks show that teachers act on it.',
    ),
    heading(3, 'Leadership and governance'),
    body(
      'Subject leaders have begun to check the impact of their work on pupils’ progress, but this is at an early stage. The leader for mathematics, Mrs Ewa Wiśniewska, has analysed the results of each class’s assessments and has planned support for pupils who are falling behind. Other subject leaders are less confident in using information about pupils’ progress.',
    ),
    body(
      'The governing body has restructured its committees so that one of them focuses solely on pupils’ achievement. Governors have attended training on the use of data — provided by the local authority — and now understand how well different groups of pupils are doing compared with pupils nationally.',
    ),
    heading(2, 'Priorities for further improvement'),
    list(true, [
      'Make sure that extension tasks in English deepen the most able pupils’ understanding rather than giving them more of the same.',
      'Develop the skills of all subject leaders so that they check the impact of their actions on pupils’ progress as well as the leader for mathematics does.',
      'Improve boys’ handwriting and the presentation of their work, so that it matches the improving quality of their writing.',
      'Ensure that the success criteria in the school improvement plan are measurable, so that governors can hold leaders to account for the impact of each action.',
    ]),
    body('In addition, the local authority should:'),
    list(true, [
      'confirm the timetable for the external review of governance with the Chair of the Governing Body',
      'report to governors each term on the impact of the support it brokers',
    ]),
    heading(2, 'The reviews'),
    body(
      'The external review of the use of the pupil premium, recommended at the inspection, was commissioned within two weeks and is on track to be completed within eight weeks. The reviewer, Mr Zoltán Kovács, has met governors and the headteacher, and has looked at the progress of eligible pupils in each year group. Early findings show that the gap in attainment between these pupils and others in the school is narrowing in mathematics but not yet in writing.',
    ),
    body(
      'Leaders have used the interim findings to change the way in which additional adult support is deployed in Key Stage 2, so that teaching assistants now work with small groups of eligible pupils on their writing. It is too early to judge the impact of this change.',
    ),
  ];
  const more = [
    body(
      'Pupils’ behaviour in lessons and around the school is good. They are polite, keen to learn and proud of their school. Attendance has improved since the inspection and is now close to the national average; the school’s work with the families of pupils who are often absent — led by the family support worker, Mrs Gráinne Ní Bhriain — is having a positive impact.',
    ),
    body(
      'The curriculum has been reviewed so that pupils have more opportunities to write at length in subjects other than English. Pupils’ books show that this is happening, particularly in history and geography, although the quality of writing in these books is not always as good as it is in their English books.',
    ),
  ];
  const letter = sampleLetter(overrides);
  const at = letter.blocks.findIndex(
    (b) => b.type === 'heading' && b.children[0]?.type === 'text' && b.children[0].value === 'External support',
  );
  return {
    meta: { ...letter.meta, title: letter.meta.title, ...overrides },
    blocks: [...letter.blocks.slice(0, at), ...extra, ...more, ...letter.blocks.slice(at)],
  };
}

/** Every word a reader should find in the letter's text, in order (whitespace-separated). */
export function expectedWords(doc: LetterDocument): string[] {
  const words: string[] = [];
  const addInlines = (children: readonly Inline[]): void => {
    for (const child of children) {
      if (child.type === 'text') words.push(child.value);
      else if (child.type === 'break') words.push(' ');
      else addInlines(child.children);
    }
  };
  const addBlock = (block: Block): void => {
    if (block.type === 'list') {
      block.items.forEach((item, index) => {
        words.push(' ', block.ordered ? `${block.start + index}.` : '\u2022', ' ');
        item.children.forEach(addBlock);
      });
    } else {
      words.push(' ');
      addInlines(block.children);
      words.push(' ');
    }
  };
  doc.blocks.forEach(addBlock);
  return words
    .join('')
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}
