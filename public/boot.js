/*
 * Layerlab's first paint, before the app's JavaScript arrives. index.html carries a static start screen in
 * English and Korean (generated from the message tables by vite.config.ts); this script keeps the one in the
 * language the app will use and gives it the saved theme and presenter mode, so the first screen already
 * looks like the app. App.tsx keeps the small 'layerlab.boot' copy of those settings in localStorage (the
 * real settings live in IndexedDB, which cannot be read synchronously) and removes the start screen once the
 * app has rendered. A classic script (not inline): the CSP allows only scripts from the page's own origin.
 */
(function () {
  var saved = {};
  try {
    saved = JSON.parse(localStorage.getItem('layerlab.boot') || '{}') || {};
  } catch (e) {
    saved = {};
  }
  var lang = saved.lang === 'ko' || saved.lang === 'en' ? saved.lang : '';
  if (!lang) {
    lang = 'en';
    var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < list.length; i++) {
      var l = String(list[i]).toLowerCase();
      if (l.indexOf('ko') === 0) {
        lang = 'ko';
        break;
      }
      if (l.indexOf('en') === 0) break;
    }
  }
  var boot = document.getElementById('boot');
  if (!boot) return;
  var shells = boot.querySelectorAll('[data-boot-lang]');
  var app = null;
  for (var j = 0; j < shells.length; j++) {
    if (shells[j].getAttribute('data-boot-lang') === lang) app = shells[j];
    else shells[j].parentNode.removeChild(shells[j]);
  }
  if (!app) return;
  var theme = saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system';
  if (theme !== 'system') app.className += ' theme-' + theme;
  if (saved.presenter === true) app.className += ' presenter';
  var set = function (sel, prop, value) {
    var el = app.querySelector(sel);
    if (el) el[prop] = value;
  };
  set('[data-boot="lang"]', 'value', lang);
  set('[data-boot="theme"]', 'value', theme);
  set('[data-boot="presenter"]', 'checked', saved.presenter === true);
  document.documentElement.lang = lang;
  document.title = app.getAttribute('data-title') || document.title;
  app.removeAttribute('hidden');
})();
