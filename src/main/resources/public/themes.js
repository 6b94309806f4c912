// The themes workspace: the suggestions column asks the server again every few seconds, so the
// facilitator sees themes form as people speak. It is left alone while someone is typing or
// choosing in it, and open "why" sections stay open. Without this script the page still works
// (reload to refresh).

const REFRESH_MS = 5000
let busy = false

function region () {
  return document.getElementById('suggestions')
}

async function refresh () {
  const current = region()
  if (!current || busy || document.hidden) return
  if (current.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) return
  busy = true
  try {
    const response = await fetch(current.dataset.refresh, { headers: { Accept: 'text/html' } })
    if (!response.ok) return
    const html = await response.text()
    const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('suggestions')
    if (!fresh || fresh.dataset.version === current.dataset.version) return
    const open = [...current.querySelectorAll('details[open] summary')].map(s => s.textContent)
    fresh.querySelectorAll('details').forEach(d => {
      if (open.includes(d.querySelector('summary').textContent)) d.open = true
    })
    current.replaceWith(fresh)
  } finally {
    busy = false
  }
}

if (region()) window.setInterval(refresh, REFRESH_MS)
