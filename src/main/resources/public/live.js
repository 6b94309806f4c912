// The participant's live page: follows the conversation over Server-Sent Events and sends
// answers without reloading. Without this script the page still works with plain forms.
// Text from people is only ever put into the page with textContent, never as HTML.

const root = document.getElementById('live')
if (root) start(root)

function start (root) {
  const code = root.dataset.code
  const mine = new Set((root.dataset.mine || '').split(',').filter(Boolean).map(Number))
  const csrf = document.querySelector('meta[name="csrf-token"]').content
  const segments = new Map([...document.querySelectorAll('#segments li')].map(li => [Number(li.dataset.id), li.dataset]))
  const state = { seq: Number(root.dataset.seq), now: null, polls: new Map(), messages: new Map(), reflections: new Map(), prompts: [] }
  const status = document.getElementById('status')
  const statusText = document.getElementById('status-text')
  const announcer = document.getElementById('announcer')
  let lastAnnouncement = null
  let timerHandle = null
  let source = null

  apply(JSON.parse(root.dataset.state), true)
  connect()
  enhanceForms(document)

  function connect () {
    source = new EventSource('/stream/' + code + '?after=' + state.seq)
    source.addEventListener('open', () => setStatus('online', 'Live'))
    source.addEventListener('error', () => setStatus('offline', 'Reconnecting… what you type is kept'))
    source.addEventListener('update', (event) => {
      const update = JSON.parse(event.data)
      if (update.seq <= state.seq) return
      apply(update, false)
      // Other parts of the page (breakout rooms) follow the same stream.
      document.dispatchEvent(new CustomEvent('cairn:update', { detail: update }))
    })
  }

  function setStatus (kind, text) {
    status.dataset.status = kind
    statusText.textContent = text
  }

  function say (text) {
    announcer.textContent = ''
    window.setTimeout(() => { announcer.textContent = text }, 50)
  }

  function apply (update, first) {
    state.seq = Math.max(state.seq, update.seq)
    if (update.now) {
      const before = state.now
      state.now = update.now
      renderNow(first ? null : before)
      if (!first && before && before.segmentId !== update.now.segmentId) renderPoll(false)
    }
    for (const poll of update.polls || []) {
      const had = state.polls.get(poll.key)
      state.polls.set(poll.key, poll)
      if (!first && poll.open && (!had || !had.open)) say('New poll: ' + poll.question)
    }
    if ((update.polls || []).length) renderPoll(first)
    for (const m of update.messages || []) {
      if (m.removed) state.messages.delete(m.seq)
      else state.messages.set(m.seq, m)
    }
    if ((update.messages || []).length) { renderChat(); renderQuestions() }
    for (const p of update.prompts || []) {
      state.prompts = state.prompts.filter(x => x.key !== p.key).concat([p])
      if (!first) say('Reflection: ' + p.text)
    }
    if ((update.prompts || []).length && !first) renderPrompt()
  }

  function renderNow (before) {
    const now = state.now
    const title = document.getElementById('now-title')
    const todo = root.querySelector('[data-now-todo]')
    const seg = now.segmentId != null ? segments.get(now.segmentId) : null
    if (now.ended) {
      title.textContent = 'Thank you for joining'
      todo.textContent = 'The conversation has ended. The pack of what was said will be sent to you.'
    } else if (seg) {
      title.textContent = 'Now: ' + seg.title
      todo.textContent = seg.todo
      if (before && before.segmentId !== now.segmentId) say('Now: ' + seg.title + '. ' + seg.todo)
    }
    runTimer(now)
    // The feedback form (pack feature) is offered at the evaluation segment and once the conversation ends.
    const feedback = root.querySelector('[data-feedback-link]')
    if (feedback) feedback.hidden = !(now.ended || (seg && seg.kind === 'evaluation'))
    const box = root.querySelector('[data-announcement]')
    if (now.announcement) {
      box.hidden = false
      box.textContent = ''
      const strong = document.createElement('strong')
      strong.textContent = 'From the host: '
      box.append(strong, document.createTextNode(now.announcement.text))
      if (before && lastAnnouncement !== now.announcement.seq) say('From the host: ' + now.announcement.text)
      lastAnnouncement = now.announcement.seq
    }
    runSilence(now, before)
  }

  function runTimer (now) {
    let timer = root.querySelector('[data-timer]')
    if (!timer) {
      timer = document.createElement('p')
      timer.className = 'cairn-live__timer'
      timer.dataset.timer = ''
      root.querySelector('[data-now-todo]').after(timer)
    }
    window.clearInterval(timerHandle)
    if (!now.startedAt || now.ended) { timer.hidden = true; return }
    timer.hidden = false
    const ends = Date.parse(now.startedAt) + now.minutes * 60000
    const tick = () => {
      const left = Math.round((ends - Date.now()) / 60000)
      timer.textContent = left > 1 ? left + ' minutes left' : left === 1 ? '1 minute left' : left === 0 ? 'Time is nearly up' : 'Running over by ' + (-left) + (left === -1 ? ' minute' : ' minutes')
    }
    tick()
    timerHandle = window.setInterval(tick, 15000)
  }

  function runSilence (now, before) {
    const box = root.querySelector('[data-silence]')
    const count = root.querySelector('[data-silence-count]')
    if (!now.silenceStartedAt) { box.hidden = true; return }
    const ends = Date.parse(now.silenceStartedAt) + now.silenceSeconds * 1000
    if (ends < Date.now()) { box.hidden = true; return }
    box.hidden = false
    if (before && before.silenceStartedAt !== now.silenceStartedAt) say('Take ' + now.silenceSeconds + ' seconds of quiet.')
    const tick = () => {
      const left = Math.ceil((ends - Date.now()) / 1000)
      if (left <= 0) { box.hidden = true; return }
      count.textContent = left + ' seconds'
      window.setTimeout(tick, 1000)
    }
    tick()
  }

  function renderPoll (first) {
    const open = [...state.polls.values()].filter(p => p.open).pop()
    const section = root.querySelector('[data-poll]')
    const results = root.querySelector('[data-results]')
    if (open) {
      const existing = section.querySelector('input[name="poll"]')
      if (!existing || existing.value !== open.key) {
        section.replaceChildren(pollForm(open))
        enhanceForms(section)
      }
      section.hidden = false
    } else {
      section.hidden = true
    }
    // Results belong to their moment: those of the running segment's polls, or of a poll asked on the spot.
    const seg = state.now && state.now.segmentId != null ? segments.get(state.now.segmentId) : null
    const planned = new Set([...segments.values()].flatMap(s => (s.polls || '').split(' ').filter(Boolean)))
    const current = new Set(seg ? (seg.polls || '').split(' ').filter(Boolean) : [])
    const shown = [...state.polls.values()]
      .filter(p => p.showResults && p.results && (current.has(p.key) || !planned.has(p.key))).pop()
    if (shown) {
      results.replaceChildren(resultsView(shown))
      results.hidden = false
    } else {
      results.hidden = true
    }
  }

  function pollForm (poll) {
    const frag = document.createDocumentFragment()
    const choosing = poll.kind === 'single_choice' || poll.kind === 'multiple_choice' || poll.kind === 'rating'
    const h = el('h2', choosing ? 'govuk-fieldset__heading' : 'govuk-heading-m', poll.question)
    h.id = 'poll-title'
    const form = el('form')
    form.method = 'post'
    form.action = '/live/' + code + '/vote'
    form.dataset.liveForm = ''
    form.append(hidden('_csrf', csrf), hidden('poll', poll.key), hidden('return', 'poll'))
    const group = el('div', 'govuk-form-group')
    if (poll.kind === 'single_choice' || poll.kind === 'multiple_choice' || poll.kind === 'rating') {
      const fs = el('fieldset', 'govuk-fieldset')
      const legend = el('legend', 'govuk-fieldset__legend govuk-fieldset__legend--m')
      legend.append(h)
      const radio = poll.kind !== 'multiple_choice'
      const list = el('div', radio ? 'govuk-radios' + (poll.kind === 'rating' ? ' govuk-radios--inline' : '') : 'govuk-checkboxes')
      const options = poll.kind === 'rating' ? ['1', '2', '3', '4', '5'] : poll.options
      options.forEach((label, i) => {
        const item = el('div', radio ? 'govuk-radios__item' : 'govuk-checkboxes__item')
        const input = el('input', radio ? 'govuk-radios__input' : 'govuk-checkboxes__input')
        input.type = radio ? 'radio' : 'checkbox'
        input.name = poll.kind === 'rating' ? 'rating' : 'choice'
        input.value = poll.kind === 'rating' ? String(i + 1) : String(i)
        input.id = 'poll-' + poll.key + '-' + i
        const lab = el('label', 'govuk-label ' + (radio ? 'govuk-radios__label' : 'govuk-checkboxes__label'), label)
        lab.htmlFor = input.id
        if (poll.kind === 'rating') lab.append(el('span', 'govuk-visually-hidden', ' out of 5'))
        item.append(input, lab)
        list.append(item)
      })
      fs.append(legend, list)
      group.append(fs)
    } else {
      const lab = el('label', 'govuk-label', poll.kind === 'word_cloud' ? 'A word or two' : 'Your answer')
      lab.htmlFor = 'poll-text'
      const input = el('input', 'govuk-input')
      input.id = 'poll-text'
      input.name = 'text'
      input.type = 'text'
      group.append(lab, input)
    }
    const button = el('button', 'govuk-button', 'Send answer')
    button.type = 'submit'
    const sent = el('p', 'cairn-live__sent')
    sent.dataset.sent = ''
    sent.setAttribute('role', 'status')
    form.append(group, button, sent)
    if (!choosing) frag.append(h)
    frag.append(form)
    return frag
  }

  function resultsView (poll) {
    const frag = document.createDocumentFragment()
    const h = el('h2', 'govuk-heading-m', 'Results: ' + poll.question)
    h.id = 'results-title'
    frag.append(h)
    const r = poll.results
    const base = el('p', 'govuk-body cairn-muted', r.answered + (r.answered === 1 ? ' person' : ' people') + ' answered')
    if (poll.kind === 'word_cloud') {
      const list = el('ul', 'cairn-live__words')
      const max = Math.max(1, ...r.words.map(w => w.count))
      r.words.forEach(w => {
        const li = el('li', 'cairn-live__word cairn-live__word--' + Math.ceil(4 * w.count / max), w.word)
        li.append(el('span', 'govuk-visually-hidden', ' (' + w.count + ')'))
        list.append(li)
      })
      frag.append(list, base)
      return frag
    }
    if (poll.kind === 'open_text') { frag.append(base); return frag }
    const labels = poll.kind === 'rating' ? ['1', '2', '3', '4', '5'] : poll.options
    const table = el('table', 'govuk-table cairn-live__bars')
    const body = el('tbody', 'govuk-table__body')
    labels.forEach((label, i) => {
      const count = r.counts[i] || 0
      const pct = r.answered ? Math.round(100 * count / r.answered) : 0
      const tr = el('tr', 'govuk-table__row')
      const th = el('th', 'govuk-table__header', label)
      th.scope = 'row'
      const td = el('td', 'govuk-table__cell')
      const meter = el('meter', 'cairn-live__meter')
      meter.max = Math.max(1, r.answered)
      meter.value = count
      meter.setAttribute('aria-hidden', 'true')
      td.append(meter, document.createTextNode(' ' + count + ' (' + pct + '%)'))
      tr.append(th, td)
      body.append(tr)
    })
    table.append(body)
    frag.append(table, base)
    if (r.average != null) frag.append(el('p', 'govuk-body', 'Average score: ' + r.average + ' out of 5'))
    return frag
  }

  function renderChat () {
    const list = root.querySelector('[data-messages]')
    const atBottom = window.innerHeight + window.scrollY >= document.body.offsetHeight - 40
    const chat = [...state.messages.values()].filter(m => !m.question).sort((a, b) => a.seq - b.seq).slice(-100)
    list.replaceChildren(...chat.map(m => {
      const li = el('li', 'cairn-live__message')
      li.dataset.seq = m.seq
      li.append(el('span', 'cairn-live__who', (m.name || 'Anonymous') + (m.organisation ? ', ' + m.organisation : '')),
        el('span', 'cairn-live__text', m.text))
      if (mine.has(m.seq)) li.append(withdrawForm(m.seq))
      return li
    }))
    enhanceForms(list)
    root.querySelector('[data-chat-empty]').hidden = chat.length > 0
    if (atBottom && document.activeElement && document.activeElement.tagName !== 'TEXTAREA') list.lastElementChild?.scrollIntoView({ block: 'nearest' })
  }

  function renderQuestions () {
    const list = root.querySelector('[data-questions]')
    const questions = [...state.messages.values()].filter(m => m.question)
      .sort((a, b) => (b.upvotes - a.upvotes) || (a.seq - b.seq))
    root.querySelector('[data-question-count]').textContent = questions.length
    list.replaceChildren(...questions.map(q => {
      const li = el('li', 'cairn-live__question')
      li.dataset.seq = q.seq
      const answer = q.answer === 'live' ? ' · answered live' : q.answer === 'later' ? ' · to be answered later'
        : q.answer === 'recording' ? ' · answered in the recording at ' + q.recordingAt : ''
      li.append(el('p', 'cairn-live__text', q.text),
        el('p', 'cairn-live__meta', (q.name || 'Anonymous') + ' · ' + q.upvotes + (q.upvotes === 1 ? ' supporter' : ' supporters') + answer))
      if (mine.has(q.seq)) {
        li.append(withdrawForm(q.seq))
      } else {
        const form = el('form', 'cairn-inline-form')
        form.method = 'post'
        form.action = '/live/' + code + '/upvote'
        form.dataset.liveForm = ''
        const b = el('button', 'govuk-button govuk-button--secondary cairn-live__support', 'Support')
        b.type = 'submit'
        b.append(el('span', 'govuk-visually-hidden', ' this question'))
        form.append(hidden('_csrf', csrf), hidden('seq', String(q.seq)), hidden('return', 'questions'), b)
        li.append(form)
      }
      return li
    }))
    enhanceForms(list)
  }

  function withdrawForm (seq) {
    const form = el('form', 'cairn-inline-form')
    form.method = 'post'
    form.action = '/live/' + code + '/withdraw'
    form.dataset.liveForm = ''
    const b = el('button', 'cairn-link-button', 'Withdraw')
    b.type = 'submit'
    b.append(el('span', 'govuk-visually-hidden', ' what you wrote'))
    form.append(hidden('_csrf', csrf), hidden('seq', String(seq)), hidden('return', 'chat'), b)
    enhanceForms(form.parentElement || form)
    return form
  }

  function renderPrompt () {
    // A new reflection prompt needs a fresh form; the page is the simplest, most robust way to get it.
    const section = root.querySelector('[data-reflect]')
    const typing = section.querySelector('textarea') && section.querySelector('textarea').value
    if (!typing) window.location.reload()
  }

  function enhanceForms (scope) {
    const forms = scope.matches && scope.matches('form[data-live-form]') ? [scope] : scope.querySelectorAll('form[data-live-form]')
    forms.forEach(form => {
      if (form.dataset.enhanced) return
      form.dataset.enhanced = 'yes'
      form.addEventListener('submit', (event) => send(event, form))
    })
  }

  async function send (event, form, attempt = 0) {
    if (event) event.preventDefault()
    const sent = form.querySelector('[data-sent]')
    const button = form.querySelector('button[type="submit"]')
    if (!form.dataset.clientKey) form.dataset.clientKey = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()
    const body = new URLSearchParams(new FormData(form))
    body.set('clientKey', form.dataset.clientKey)
    button.disabled = true
    if (sent) sent.textContent = 'Sending…'
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        body
      })
      const data = await response.json().catch(() => ({}))
      if (response.ok) {
        delete form.dataset.clientKey
        if (attempt > 0 && source && source.readyState === EventSource.OPEN) setStatus('online', 'Live')
        if (data.seq) mine.add(data.seq)
        const text = form.querySelector('textarea, input[type="text"]')
        if (text) text.value = ''
        if (sent) sent.textContent = data.message || 'Sent'
        else say(data.message || 'Sent')
      } else if (response.status === 503) {
        // Cairn is reconnecting to its database: keep what was typed and the client key, and
        // send it again by itself; the key makes sure it is saved once however often it is sent.
        const message = (data.error && data.error.message) || 'Reconnecting… what you wrote is kept and will be sent.'
        if (sent) sent.textContent = message
        else say(message)
        setStatus('offline', 'Reconnecting… what you type is kept')
        const wait = Math.min(10, (Number(response.headers.get('Retry-After')) || 2) * (attempt + 1))
        button.disabled = true
        setTimeout(() => send(null, form, attempt + 1), wait * 1000)
        return
      } else {
        const message = (data.error && data.error.message) || 'That did not work. Try again.'
        if (sent) sent.textContent = message
        else say(message)
      }
    } catch (e) {
      if (sent) sent.textContent = 'Not sent: you seem to be offline. What you typed is kept; send it again when you are back.'
    } finally {
      button.disabled = false
    }
  }

  function el (tag, className, text) {
    const e = document.createElement(tag)
    if (className) e.className = className
    if (text != null) e.textContent = text
    return e
  }

  function hidden (name, value) {
    const input = document.createElement('input')
    input.type = 'hidden'
    input.name = name
    input.value = value
    return input
  }
}
