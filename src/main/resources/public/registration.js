// The registration form's one helper: once an organisation is typed or chosen from the list,
// ask Cairn whether it is in the directory and, if no sector is chosen yet, choose its sector
// and say so. Without this script the form works the same: the server fills the sector in.
const input = document.querySelector('input[data-match]')
const said = document.getElementById('organisation-found')

if (input && said) {
  let asked = ''
  const look = async () => {
    const name = input.value.trim()
    if (name === asked) return
    asked = name
    said.textContent = ''
    if (name.length < 3) return
    try {
      const response = await fetch(input.dataset.match + '?name=' + encodeURIComponent(name), {
        headers: { Accept: 'application/json' }
      })
      if (!response.ok || name !== input.value.trim()) return
      const found = await response.json()
      if (!found.found) return
      const chosen = document.querySelector('input[name="sector"]:checked')
      if (!chosen) {
        const radio = document.querySelector('input[name="sector"][value="' + CSS.escape(found.sector) + '"]')
        if (radio) radio.checked = true
        said.textContent = found.name + ' is in our list, so we have chosen its sector: ' + found.sectorLabel +
          '. Change it below if it is not right for you.'
      } else {
        said.textContent = found.name + ' is in our list.'
      }
    } catch (e) {
      // Offline or slow: the server fills the sector in when the form is sent.
    }
  }
  input.addEventListener('change', look)
  input.addEventListener('blur', look)
}
