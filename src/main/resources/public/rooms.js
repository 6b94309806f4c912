// A participant's breakout room: shown on the live page (following its stream) or on its own
// page (with its own stream). The room's panel is drawn by the server and fetched again when the
// rooms change; forms are sent without leaving the page. Without this script the forms still work.

const section = document.getElementById('room')
if (section) start(section)

function start (section) {
  const csrf = document.querySelector('meta[name="csrf-token"]').content
  const code = section.dataset.code
  const announcer = document.createElement('div')
  announcer.className = 'govuk-visually-hidden'
  announcer.setAttribute('aria-live', 'polite')
  section.before(announcer)
  // What happened to the last thing sent; outside the redrawn panel so a redraw does not wipe it.
  const sent = document.createElement('p')
  sent.className = 'cairn-live__sent'
  sent.setAttribute('role', 'status')
  let loading = false
  let again = false
  let timerHandle = null
  let seen = snapshot()

  if (section.dataset.ownStream) {
    const status = document.getElementById('room-status')
    const statusText = document.getElementById('room-status-text')
    const source = new EventSource('/stream/' + code + '?after=' + section.dataset.seq)
    source.addEventListener('open', () => { status.dataset.status = 'online'; statusText.textContent = 'Live' })
    source.addEventListener('error', () => { status.dataset.status = 'offline'; statusText.textContent = 'Reconnecting… what you type is kept' })
    source.addEventListener('update', (event) => { if (concerns(JSON.parse(event.data).rooms)) refresh() })
  } else {
    document.addEventListener('cairn:update', (event) => { if (event.detail && concerns(event.detail.rooms)) refresh() })
    refresh()
  }
  if (section.querySelector('[data-region="room"]')) section.append(sent)
  enhance()
  timer()

  /** Whether a stream update's rooms change concerns this person's room (only theirs is fetched again). */
  function concerns (change) {
    if (!change) return false
    const region = section.querySelector('[data-region="room"]')
    const mine = region && region.dataset.room ? Number(region.dataset.room) : null
    const round = region && region.dataset.round ? Number(region.dataset.round) : null
    return change.everyone || mine === null || round !== change.round || change.rooms.includes(mine)
  }

  function say (text) {
    announcer.textContent = ''
    window.setTimeout(() => { announcer.textContent = text }, 50)
  }

  /** What the reader should hear about: the room, the host's last message, how many notes. */
  function snapshot () {
    const region = section.querySelector('[data-region="room"]')
    if (!region) return null
    const title = section.querySelector('#room-title')
    const broadcast = section.querySelector('[data-broadcast]')
    return {
      title: title ? title.textContent : '',
      broadcast: broadcast ? broadcast.dataset.broadcast : null,
      broadcastText: broadcast ? broadcast.textContent : '',
      notes: section.querySelectorAll('[data-notes] li').length,
      open: region.dataset.open === 'yes',
      inRoom: region.dataset.inRoom === 'yes'
    }
  }

  async function refresh () {
    if (loading) { again = true; return }
    loading = true
    try {
      const response = await fetch(section.dataset.panel, { headers: { Accept: 'text/html' } })
      if (!response.ok) return
      const fresh = new DOMParser().parseFromString('<div>' + await response.text() + '</div>', 'text/html').body.firstChild
      const region = fresh.querySelector('[data-region="room"]')
      const current = section.querySelector('[data-region="room"]')
      const typing = document.activeElement && section.contains(document.activeElement) &&
        document.activeElement.matches('input, textarea, select')
      if (current && typing) {
        // Keep what someone is typing: change only the lists around it.
        for (const selector of ['[data-notes]', '.cairn-live__messages', '[data-broadcast]']) {
          const a = current.querySelector(selector)
          const b = region.querySelector(selector)
          if (a && b && !a.contains(document.activeElement)) a.replaceWith(b)
        }
      } else if (current) {
        current.replaceWith(region)
      } else {
        section.replaceChildren(region)
      }
      section.append(sent)
      section.hidden = region.dataset.inRoom !== 'yes' && region.dataset.open !== 'yes'
      announce(seen, snapshot())
      seen = snapshot()
      enhance()
      timer()
    } finally {
      loading = false
      if (again) { again = false; refresh() }
    }
  }

  function announce (before, after) {
    if (!after || !before) { if (after && after.inRoom && after.open) say(after.title); return }
    if (after.title !== before.title) say(after.title)
    else if (after.broadcast && after.broadcast !== before.broadcast) say(after.broadcastText)
    else if (after.notes > before.notes) say(after.notes - before.notes === 1 ? 'A new note in your room' : (after.notes - before.notes) + ' new notes in your room')
  }

  function enhance () {
    section.querySelectorAll('form[data-room-form]').forEach(form => {
      if (form.dataset.enhanced) return
      form.dataset.enhanced = 'yes'
      form.addEventListener('submit', async (event) => {
        event.preventDefault()
        const button = form.querySelector('button[type="submit"]')
        if (button) button.disabled = true
        try {
          const body = new URLSearchParams(new FormData(form))
          body.set('clientKey', Date.now().toString(36) + Math.random().toString(36).slice(2, 10))
          const response = await fetch(form.action, { method: 'POST', headers: { Accept: 'application/json', 'X-CSRF-Token': csrf }, body })
          const data = await response.json().catch(() => ({}))
          if (response.ok) {
            if (!form.querySelector('input[name="themes"]') && !form.querySelector('input[name="seq"]')) form.reset()
            if (document.activeElement) document.activeElement.blur()
            await refresh()
            sent.textContent = data.message || 'Sent'
          } else {
            sent.textContent = (data.fields && Object.values(data.fields)[0]) || (data.error && data.error.message) || data.message || 'Not sent. Try again; what you typed is kept.'
          }
        } catch (e) {
          sent.textContent = 'Not sent: check your connection and try again. What you typed is kept.'
        } finally {
          if (button) button.disabled = false
        }
      })
    })
  }

  function timer () {
    window.clearInterval(timerHandle)
    const el = section.querySelector('[data-room-timer]')
    if (!el) return
    const ends = Date.parse(el.dataset.started) + Number(el.dataset.minutes) * 60000
    const tick = () => {
      const left = Math.round((ends - Date.now()) / 60000)
      el.textContent = left > 1 ? left + ' minutes left in your room' : left === 1 ? '1 minute left in your room' : 'Time is nearly up'
    }
    tick()
    timerHandle = window.setInterval(tick, 15000)
  }
}
