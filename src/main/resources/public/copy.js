// Copy buttons: <button data-copy="#field" hidden> copies the field's value. The button is shown
// only when the browser can copy, so without JavaScript people select the text themselves.
const status = document.getElementById('copy-status')

for (const field of document.querySelectorAll('[data-select-on-focus]')) {
  field.addEventListener('focus', () => field.select())
}

if (navigator.clipboard && window.isSecureContext !== false) {
  for (const button of document.querySelectorAll('[data-copy]')) {
    const field = document.querySelector(button.getAttribute('data-copy'))
    if (!field) continue
    button.hidden = false
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value)
        button.textContent = 'Copied'
        if (status) status.textContent = 'Token copied'
      } catch (e) {
        field.focus()
        if (status) status.textContent = 'Could not copy: the token is selected, so copy it with your keyboard'
      }
    })
  }
}
