/**
 * A realistic three-page monitoring letter for the DOCX writer's tests:
 * letterhead, address, reference, headings at three depths, two numbered
 * lists (the second must restart at 1), a list starting at 3, a nested
 * list, bold and italic runs, and the names and typography real letters
 * carry (Łukasz, Siân, Zoë, Ó Súilleabháin, curly quotes, dashes).
 */
import type { Block, DocumentMeta, Inline, LetterDocument } from '../../src/letter/tree.js';

const text = (value: string): Inline => ({ type: 'text', value });
const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
const emphasis = (...children: Inline[]): Inline => ({ type: 'emphasis', children });
const br: Inline = { type: 'break' };

const para = (role: Block['role'], ...children: Inline[]): Block => ({ type: 'paragraph', role, children });
const body = (...children: (Inline | string)[]): Block =>
  para('body', ...children.map((c) => (typeof c === 'string' ? text(c) : c)));
const heading = (depth: 1 | 2 | 3, value: string): Block => ({
  type: 'heading',
  depth,
  role: 'body',
  children: [text(value)],
});
const list = (ordered: boolean, items: (string | Block[])[], start = 1): Block => ({
  type: 'list',
  ordered,
  start,
  role: 'body',
  items: items.map((item) => ({ children: typeof item === 'string' ? [body(item)] : item })),
});

export const docxSampleMeta: DocumentMeta = {
  title: 'Requires improvement: monitoring inspection visit to St Dwynwen’s Catholic Primary School',
  subject: 'Monitoring inspection letter, URN 135792',
  author: 'Siân Ó Súilleabháin HMI',
  language: 'en-GB',
  keywords: ['monitoring inspection', 'requires improvement', 'URN 135792'],
  urn: '135792',
  visitDate: '2014-11-05',
  letterDate: '2014-11-07',
  status: 'final',
  published: true,
  generator: 'monitoring-letter 0.1.0',
  templateHash: '9d4c2b7e1f0a3b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f901234567a',
};

const opening: Block[] = [
  para(
    'letterhead',
    strong(text('Ofsted')),
    br,
    text('Agora'),
    br,
    text('6 Cumberland Place'),
    br,
    text('Nottingham NG1 6HJ'),
    br,
    text('T 0300 123 1231'),
  ),
  para('letterhead', text('Direct T 0115 944 9180'), br, text('Direct email: sian.osuilleabhain@tribalgroup.com')),
  para('date', text('7 November 2014')),
  para(
    'address',
    text('Mr Łukasz Kowalczyk'),
    br,
    text('Headteacher'),
    br,
    text('St Dwynwen’s Catholic Primary School'),
    br,
    text('Heol y Coed'),
    br,
    text('Hereford'),
    br,
    text('HR1 2PQ'),
  ),
  para('reference', strong(text('URN: 135792'))),
  para('salutation', text('Dear Mr Kowalczyk')),
  heading(1, 'Requires improvement: monitoring inspection visit to St Dwynwen’s Catholic Primary School'),
  body(
    'Following my visit to your school on 5 November 2014, I write on behalf of Her Majesty’s Chief Inspector of Schools to confirm the inspection findings. Thank you for the help you gave me and for the time you made available to discuss the actions you are taking to improve the school since the most recent section 5 inspection.',
  ),
  body(
    'The visit was the first monitoring inspection since the school was judged to require improvement following the section 5 inspection in June 2014. It was carried out under section 8 of the Education Act 2005.',
  ),
  body(
    strong(
      text(
        'Senior leaders and governors are taking effective action to tackle the areas requiring improvement identified at the recent section 5 inspection in order to become a good school.',
      ),
    ),
  ),
  body('The school should take further action to:'),
  list(true, [
    'ensure that teachers in Key Stage 1 use what they know about pupils’ reading to plan work that moves the most able on quickly',
    'check that the new marking policy — “two stars and a wish” — is applied consistently in every class',
    'make sure that the governing body receives precise information about the achievement of disadvantaged pupils.',
  ]),
];

const evidence: Block[] = [
  heading(2, 'Evidence'),
  body(
    'During the visit, meetings were held with the headteacher, the deputy headteacher, the leaders for English and mathematics, the Chair of the Governing Body, Mrs Zoë Ó Súilleabháin, and three other governors, and a representative of the local authority, to discuss the action taken since the last inspection. The school improvement plan and the local authority’s statement of action were evaluated.',
  ),
  body(
    'I visited seven lessons, four of them jointly with the headteacher, and looked at pupils’ work in English, mathematics and topic books from every year group. I also scrutinised the minutes of governors’ meetings, the school’s records of the checks it makes on teaching, its tracking of pupils’ progress and its records of pupils’ attendance and behaviour.',
  ),
  heading(2, 'Context'),
  body(
    'Since the inspection, two teachers have left the school and two newly qualified teachers have joined. A new leader for mathematics, Ms Aoife Ní Dhomhnaill, took up her post in September. The governing body has appointed two new governors, one of whom is a parent. The school has agreed a partnership with a nearby ',
    emphasis(text('outstanding')),
    ' school, which is providing support for teaching in Key Stage 1.',
  ),
];

const findings: Block[] = [
  heading(2, 'Main findings'),
  heading(3, 'Progress on each area for improvement'),
  body(
    'The headteacher has acted quickly and with determination on the findings of the inspection. He has shared them openly with staff, governors and parents, and the school improvement plan sets out clearly who will do what, by when, and how success will be judged. Staff say that they understand what they need to do and that the support they are receiving is helping them to improve their teaching.',
  ),
  body(
    'Teaching in Key Stage 1 is improving. In the lessons visited, teachers used questioning well to find out what pupils understood, and adjusted their teaching accordingly. In a Year 2 lesson, for example, the most able readers were asked to explain why the author had chosen particular words — and did so with real insight. However, in some lessons the work set for the most able pupils is still too easy, and they complete it quickly without being moved on to harder tasks.',
  ),
  body(
    'The new marking policy is beginning to make a difference. Pupils say that they like the “two stars and a wish” comments because they know what they have done well and what to improve. In most books, pupils respond to teachers’ comments and correct their work. In a minority of books, though, marking is infrequent and pupils do not act on the advice given.',
  ),
  heading(3, 'Leadership and governance'),
  body(
    'Leaders’ checks on the quality of teaching are now more rigorous. The headteacher and the deputy headteacher observe lessons regularly, look at pupils’ books and talk to pupils about their learning. Their judgements are accurate: I agreed with them in each of the lessons observed jointly. Teachers receive clear feedback, and follow-up checks show that most act on it promptly.',
  ),
  body(
    'Subject leaders are developing their roles well. The new leader for mathematics has analysed the results of the most recent assessments and has identified groups of pupils who need extra help. She has introduced a daily “number fluency” session in every class, and early assessments suggest that pupils’ recall of number facts is improving. The leader for English has reorganised the teaching of phonics so that pupils are taught in small groups matched to their needs.',
  ),
  body(
    'Governors are now more challenging of leaders. The minutes of their meetings show that they ask searching questions about the progress of different groups of pupils. They have reorganised their committees so that one focuses solely on standards and achievement. However, the information they receive about disadvantaged pupils is not precise enough for them to judge whether the pupil premium is being spent effectively.',
  ),
  heading(3, 'Plans and reviews'),
  body(
    'The school improvement plan is fit for purpose. It addresses each of the areas for improvement identified at the inspection, and includes measurable targets against which governors can check progress. Leaders have set out the following priorities for this term:',
  ),
  list(true, [
    'raise attainment in reading in Key Stage 1, particularly for boys',
    [
      body('improve the quality of marking so that pupils know how to improve their work, by:'),
      list(false, ['checking books every half term', 'sharing the best examples with all staff']),
    ],
    'strengthen the role of subject leaders in checking the quality of teaching.',
  ]),
  body(
    'The external review of governance, recommended at the inspection, has been completed. The reviewer’s report was thorough and its recommendations have been accepted in full. Governors have drawn up an action plan and have already undertaken training on the use of performance information, provided by the local authority.',
  ),
  body('The review’s recommendations continue the school’s own numbering of its priorities:'),
  list(
    true,
    [
      'governors should visit the school regularly, with a clear focus linked to the improvement plan',
      'the governing body should review the skills of its members and seek to fill any gaps.',
    ],
    3,
  ),
  body(
    'Pupils’ behaviour in lessons and around the school is good. They are courteous, keen to learn and proud of their school. Attendance has improved since the inspection and is now in line with the national average. The school’s work with families whose children are often absent — led by the family support worker, Mr Dafydd ap Gwilym — is having a positive effect.',
  ),
];

const closing: Block[] = [
  heading(2, 'External support'),
  body(
    'The local authority provides effective support. Its adviser visits the school regularly and has helped leaders to check the quality of teaching and the accuracy of assessment. The partnership with the nearby outstanding school is well focused: teachers in Key Stage 1 have observed lessons there and have used what they saw to improve their own teaching of reading.',
  ),
  heading(2, 'Priorities for further improvement'),
  list(false, [
    'Make sure that the most able pupils in every class are given work that challenges them from the start of each lesson.',
    'Ensure that all teachers apply the marking policy consistently, so that every pupil knows how to improve.',
  ]),
  body(
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Herefordshire, and the Director of Education for the Archdiocese of Cardiff. This letter will be published on the Ofsted website.',
  ),
  para(
    'signoff',
    text('Yours sincerely'),
    br,
    br,
    text('Siân Ó Súilleabháin'),
    br,
    strong(text('Her Majesty’s Inspector')),
  ),
];

/** The sample letter; override metadata for drafts, section 117 letters and the like. */
export function docxSampleLetter(overrides: Partial<DocumentMeta> = {}): LetterDocument {
  return { meta: { ...docxSampleMeta, ...overrides }, blocks: [...opening, ...evidence, ...findings, ...closing] };
}

/** Small helpers for tests that build their own variants. */
export const build = { text, strong, emphasis, br, para, body, heading, list };
