// The facilitator's console and the presenter view: they follow the conversation's staff
// stream and redraw their regions from the server when anything changes. Console actions are
// sent without leaving the page. Without this script every action is a plain form post.

const root = document.getElementById('console')
if (root) start(root)

function start (root) {
  const panel = document.getElementById('console-panel')
  const status = document.getElementById('status')
  const statusText = document.getElementById('status-text')
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content ||
    JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-Token']
  let loading = false
  let again = false

  const source = new EventSource(root.dataset.stream)
  source.addEventListener('open', () => { status.dataset.status = 'online'; statusText.textContent = 'Live' })
  source.addEventListener('error', () => { status.dataset.status = 'offline'; statusText.textContent = 'Reconnecting…' })
  source.addEventListener('update', () => refresh())

  timers()
  window.setInterval(timers, 1000)
  enhance(panel)

  async function refresh () {
    if (loading) { again = true; return }
    loading = true
    try {
      const response = await fetch(root.dataset.panel, { headers: { Accept: 'text/html' } })
      if (!response.ok) return
      const html = await response.text()
      const fresh = new DOMParser().parseFromString('<div>' + html + '</div>', 'text/html').body.firstChild
      for (const region of fresh.querySelectorAll('[data-region]')) {
        const current = panel.querySelector('[data-region="' + region.dataset.region + '"]')
        if (!current) { panel.replaceChildren(...fresh.childNodes); break }
        // Leave a region alone while someone is typing or choosing in it.
        if (current.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) continue
        const open = [...current.querySelectorAll('details[open]')].map(d => d.querySelector('summary').textContent)
        current.replaceWith(region)
        region.querySelectorAll('details').forEach(d => { if (open.includes(d.querySelector('summary').textContent)) d.open = true })
      }
      enhance(panel)
      timers()
    } finally {
      loading = false
      if (again) { again = false; refresh() }
    }
  }

  function timers () {
    panel.querySelectorAll('[data-timer][data-started]').forEach(timer => {
      const ends = Date.parse(timer.dataset.started) + Number(timer.dataset.minutes) * 60000
      const left = Math.round((ends - Date.now()) / 60000)
      timer.classList.toggle('cairn-over', left < 0)
      timer.textContent = left > 1 ? left + ' minutes left' : left === 1 ? '1 minute left'
        : left === 0 ? 'Time is nearly up' : 'Running over by ' + (-left) + (left === -1 ? ' minute' : ' minutes')
    })
    panel.querySelectorAll('[data-silence][data-started]').forEach(box => {
      const left = Math.ceil((Date.parse(box.dataset.started) + Number(box.dataset.seconds) * 1000 - Date.now()) / 1000)
      box.hidden = left <= 0
      if (left > 0) box.textContent = 'Take a moment of quiet · ' + left
    })
  }

  function enhance (scope) {
    scope.querySelectorAll('form[method="post"]').forEach(form => {
      if (form.dataset.enhanced) return
      form.dataset.enhanced = 'yes'
      form.addEventListener('submit', async (event) => {
        event.preventDefault()
        const button = form.querySelector('button[type="submit"]')
        if (button) button.disabled = true
        try {
          const body = new URLSearchParams(new FormData(form))
          const response = await fetch(form.action, { method: 'POST', headers: { Accept: 'application/json', 'X-CSRF-Token': csrf }, body })
          const data = await response.json().catch(() => ({}))
          const message = response.ok ? data.message : (data.error && data.error.message) || 'That did not work. Try again.'
          statusText.textContent = message
          if (response.ok) form.reset()
          refresh()
        } catch (e) {
          statusText.textContent = 'Not sent: check your connection and try again.'
        } finally {
          if (button) button.disabled = false
        }
      })
    })
  }
}
