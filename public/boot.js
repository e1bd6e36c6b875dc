// Runs before the app's code arrives: shows the loading screen in the reader's language
// (the one chosen before, else the browser's), and a clear message instead of a blank page
// when this browser cannot run the app. A file, not an inline script, so the Content
// Security Policy needs no exception for it.
(function () {
  var lang = 'en';
  try { lang = localStorage.getItem('escalera.lang') || ''; } catch (e) { lang = ''; }
  if (lang !== 'en' && lang !== 'es') lang = (navigator.language || 'en').slice(0, 2) === 'es' ? 'es' : 'en';
  document.documentElement.lang = lang;
  var boot = document.getElementById('boot');
  if (!boot) return;
  if (lang === 'es') {
    var texts = boot.querySelectorAll('[data-es]');
    for (var i = 0; i < texts.length; i++) texts[i].textContent = texts[i].getAttribute('data-es');
  }
  var hasIdb = false;
  try { hasIdb = !!window.indexedDB; } catch (e) { hasIdb = false; }
  if (typeof WebAssembly !== 'object' || !hasIdb) {
    var hint = boot.querySelector('.boot-hint');
    hint.className = 'boot-hint boot-error';
    hint.setAttribute('role', 'alert');
    hint.textContent = lang === 'es'
      ? 'Este navegador no puede ejecutar Escalera: necesita WebAssembly e IndexedDB (algunos modos privados los desactivan). Abra Escalera en una ventana normal de un navegador actual.'
      : 'This browser cannot run Escalera: it needs WebAssembly and IndexedDB (some private modes turn them off). Open Escalera in a normal window of a current browser.';
  }
})();
