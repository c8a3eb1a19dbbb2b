// The drafting page's right-hand column: the letter preview, its copy list and its deadlines, drawn from
// what the server's check of the form says (app.js asks for them).

const $ = (id) => document.getElementById(id);

/** The preview's HTML last shown, so an unchanged letter is not drawn again and a failed check keeps it. */
let lastHtml;

/** The letter as the draft will be written, in its sandboxed frame; a form that makes none keeps the last one, saying so. */
export function showPreview(check, namedMessage) {
  const note = $('preview-note');
  if (!check.html) {
    const first = check.diagnostics.find((d) => d.severity === 'error');
    note.textContent = `${lastHtml ? 'Showing the last letter that could be made' : 'No letter yet'}: ${first ? namedMessage(first) : 'put right the errors in the form'}`;
    note.className = 'preview-note error';
    return;
  }
  const gaps = (check.html.match(/«[^»<]*»/g) ?? []).length;
  note.textContent = gaps
    ? `${gaps} item${gaps === 1 ? '' : 's'} not yet written, marked «…» in the letter`
    : 'The draft as it will be written';
  note.className = `preview-note ${gaps ? 'warning' : ''}`;
  if (check.html === lastHtml) return;
  lastHtml = check.html;
  const frame = $('letter');
  const doc = frame.contentDocument;
  if (frame.dataset.loaded && doc?.body) {
    // In place, so the letter neither flickers nor loses its scroll position as the HMI types.
    const parsed = new DOMParser().parseFromString(check.html, 'text/html');
    doc.head.replaceWith(doc.importNode(parsed.head, true));
    doc.body.replaceWith(doc.importNode(parsed.body, true));
    markGaps(doc);
    return;
  }
  frame.onload = () => {
    frame.dataset.loaded = '1';
    if (frame.contentDocument) markGaps(frame.contentDocument);
  };
  frame.srcdoc = check.html;
}

/** Highlights the «…: not yet written» markers a draft shows where an item is missing. */
function markGaps(doc) {
  const style = doc.createElement('style');
  style.textContent =
    'strong.gap { background: #fff1a8; outline: 2px solid #f2c200; border-radius: 2px; padding: 0 0.15em; }';
  doc.head.append(style);
  for (const strong of doc.querySelectorAll('strong')) {
    if (/^«[^»]*»$/.test(strong.textContent.trim())) strong.classList.add('gap');
  }
}

/** An element holding `content` as text. */
export function text(tag, content, className) {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

/** The copy list with each reason (para 17), or why it cannot be worked out yet. */
export function showRecipients(check, namedMessage, inPageWords) {
  const box = $('recipients');
  box.replaceChildren();
  const list = check.recipients;
  if (!list) {
    const why = check.diagnostics.find((d) => d.paragraph === '17');
    box.append(
      text('p', why ? namedMessage(why) : 'The copy list can be worked out once the form reads correctly.', 'muted'),
    );
    return;
  }
  const to = text('div', '', 'recipient to');
  to.append(text('span', 'To', 'role'), text('strong', list.to.name), text('span', list.to.reason, 'reason'));
  box.append(to);
  const ul = document.createElement('ul');
  ul.className = 'copies';
  for (const copy of list.copies) {
    const li = text('li', '', 'recipient');
    li.append(text('strong', copy.name), text('span', `${copy.reason} (para ${copy.paragraph})`, 'reason'));
    ul.append(li);
  }
  if (list.copies.length === 0) ul.append(text('li', 'No copies.', 'muted'));
  box.append(ul);
  if (list.notCopied.length > 0) {
    const details = document.createElement('details');
    details.append(text('summary', `Not copied (${list.notCopied.length})`));
    const notList = document.createElement('ul');
    notList.className = 'not-copied';
    for (const n of list.notCopied) notList.append(text('li', inPageWords(n.reason)));
    details.append(notList);
    box.append(details);
  }
}

/** Every date due, in words, with its paragraph and how it is counted. */
export function showDeadlines(deadlines) {
  const box = $('deadlines');
  box.replaceChildren();
  if (!deadlines || deadlines.length === 0) {
    box.append(text('p', 'The dates follow once the visit and inspection dates read correctly.', 'muted'));
    return;
  }
  const ol = document.createElement('ol');
  ol.className = 'deadlines';
  for (const d of deadlines) {
    const li = document.createElement('li');
    const when = text('time', d.dayInWords);
    when.dateTime = d.date;
    li.append(when, text('span', d.description, 'what'), text('span', `para ${d.paragraph} · ${d.basis}`, 'basis'));
    ol.append(li);
  }
  box.append(ol);
}
