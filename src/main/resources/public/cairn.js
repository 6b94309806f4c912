// Cairn's page script: starts GOV.UK Frontend's components. Loaded as a module (no inline
// script anywhere, so the Content-Security-Policy can forbid it).
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// Buttons that ask before doing something that cannot be undone: <button data-confirm="...">.
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-confirm]')
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault()
  }
})
