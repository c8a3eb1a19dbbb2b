/**
 * The workspace pages' one script. Every form with data-post is sent as
 * JSON (a file as its name and base64 bytes) to its route; the answer's
 * HTML replaces the form's section, and focus moves to what changed (the
 * error summary first). A section with data-poll (a send under way) is
 * fetched again until it no longer has it. A form is never sent twice at
 * once: its buttons are disabled until the answer comes.
 */

function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

async function fields(form, submitter) {
  const body = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'submit') continue;
    if (el.type === 'file') {
      const file = el.files && el.files[0];
      body[`${el.name}Name`] = file ? file.name : '';
      body[`${el.name}Content`] = file ? base64(await file.arrayBuffer()) : '';
    } else if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) {
      continue;
    } else {
      body[el.name] = el.value;
    }
  }
  if (submitter && submitter.name) body[submitter.name] = submitter.value;
  return body;
}

function showProblem(section, message) {
  let banner = document.getElementById('request-problem');
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'request-problem';
    banner.className = 'govuk-error-summary';
    banner.tabIndex = -1;
    banner.innerHTML =
      '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><p class="govuk-body"></p></div></div>';
    section.prepend(banner);
  }
  banner.querySelector('p').textContent = message;
  banner.focus();
}

function replaceSection(section, html) {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const fresh = holder.firstElementChild;
  section.replaceWith(fresh);
  return fresh;
}

function focusResult(section) {
  const target =
    section.querySelector('.govuk-error-summary') ||
    section.querySelector('#finalised, #finalise-outcome, #check-result, #send-progress');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

async function call(url, body) {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let answer;
  try {
    answer = await response.json();
  } catch {
    answer = { error: `the server answered ${response.status}` };
  }
  if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form[data-post]');
  if (!form) return;
  event.preventDefault();
  if (form.dataset.busy) return;
  form.dataset.busy = 'yes';
  const buttons = [...form.querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  const section = form.closest('[data-section]') || form;
  try {
    const answer = await call(form.dataset.post, await fields(form, event.submitter));
    if (answer.url) {
      window.location.assign(answer.url);
      return;
    }
    const fresh = replaceSection(section, answer.html);
    focusResult(fresh);
    poll();
  } catch (error) {
    showProblem(section, error.message);
  } finally {
    delete form.dataset.busy;
    for (const b of buttons) b.disabled = false;
  }
});

let polling = false;
async function poll() {
  if (polling) return;
  polling = true;
  try {
    for (;;) {
      const section = document.querySelector('[data-poll]');
      if (!section) return;
      await new Promise((resolve) => setTimeout(resolve, 400));
      const answer = await call(section.dataset.poll);
      const fresh = replaceSection(section, answer.html);
      if (!fresh.hasAttribute('data-poll')) focusResult(fresh);
    }
  } catch (error) {
    const section = document.querySelector('[data-section]');
    if (section) showProblem(section, error.message);
  } finally {
    polling = false;
  }
}
poll();
