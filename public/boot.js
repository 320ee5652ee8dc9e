/*
 * Layerlab's first paint, before the app's JavaScript arrives. index.html carries a static start screen in
 * English and Korean (src/ui/app/startScreen.ts, written in by vite.config.ts); this script keeps the one in the
 * language the app will use and gives it the saved theme, presenter mode and pane sizes, so the first screen
 * already looks like the app and nothing moves when the app takes over. App.tsx keeps the small 'layerlab.boot'
 * copy of those settings in localStorage (the real settings live in IndexedDB, which cannot be read
 * synchronously) and removes the start screen once the app has rendered. Then it starts the app: in the
 * production build the app's modules are inert links (vite.config.ts) that are fetched and run only after the
 * start screen has been painted. A classic script (not inline): the CSP allows only scripts from the page's own
 * origin.
 */
(function () {
  var store = null;
  try {
    store = localStorage;
  } catch (e) {
    store = null;
  }
  var read = function (key) {
    try {
      return store ? JSON.parse(store.getItem(key) || 'null') : null;
    } catch (e) {
      return null;
    }
  };
  var saved = read('layerlab.boot');
  var returning = saved !== null;
  saved = saved || {};
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

  var startApp = function () {
    var links = document.querySelectorAll('link[data-app-module]');
    if (!links.length) return; // the dev server's index.html loads the app itself
    // New elements (changing the links' rel one by one makes the browser re-check the page's styles), added a few
    // at a time, each few in a task of its own (starting a fetch takes the main thread a while), the entry last.
    var PER_TASK = 6;
    var go = function (from) {
      var add = document.createDocumentFragment();
      var entry = null;
      for (var m = from; m < links.length && m < from + PER_TASK; m++) {
        var isEntry = links[m].getAttribute('data-app-module') === 'entry';
        var el = document.createElement(isEntry ? 'script' : 'link');
        el.crossOrigin = '';
        if (isEntry) {
          el.type = 'module';
          el.src = links[m].getAttribute('href');
          entry = el;
        } else {
          el.rel = 'modulepreload';
          el.href = links[m].getAttribute('href');
          add.appendChild(el);
        }
      }
      document.head.appendChild(add);
      if (entry) later.push(entry);
      if (m < links.length)
        setTimeout(function () {
          go(m);
        }, 0);
      else for (var e = 0; e < later.length; e++) document.head.appendChild(later[e]);
    };
    var later = [];
    // Once the start screen's first contentful paint is done (after two frames where the browser does not
    // report paints, 2 s at the latest); at once in a hidden page, which paints nothing.
    var started = false;
    var once = function () {
      if (started) return;
      started = true;
      setTimeout(function () {
        go(0);
      }, 0);
    };
    if (document.visibilityState === 'hidden') return once();
    setTimeout(once, 2000);
    var types = (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf('paint') >= 0) {
      new PerformanceObserver(function (list, observer) {
        var entries = list.getEntries();
        for (var n = 0; n < entries.length; n++) {
          if (entries[n].name === 'first-contentful-paint') {
            observer.disconnect();
            once();
          }
        }
      }).observe({ type: 'paint', buffered: true });
    } else
      requestAnimationFrame(function () {
        requestAnimationFrame(once);
      });
  };

  var boot = document.getElementById('boot');
  var shells = boot ? boot.querySelectorAll('[data-boot-lang]') : [];
  var app = null;
  for (var j = 0; j < shells.length; j++) {
    if (shells[j].getAttribute('data-boot-lang') === lang) app = shells[j];
    else shells[j].parentNode.removeChild(shells[j]);
  }
  if (!app) return startApp();
  var remove = function (sel) {
    var all = app.querySelectorAll(sel);
    for (var k = 0; k < all.length; k++) all[k].parentNode.removeChild(all[k]);
  };
  var each = function (sel, fn) {
    var all = app.querySelectorAll(sel);
    for (var k = 0; k < all.length; k++) fn(all[k]);
  };
  var theme = saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system';
  if (theme !== 'system') app.className += ' theme-' + theme;
  if (saved.presenter === true) app.className += ' presenter';
  if (typeof matchMedia === 'function' && matchMedia('(max-width: 1000px)').matches) app.className += ' is-phone';
  each('[data-boot="lang"]', function (el) {
    el.value = lang;
  });
  each('[data-boot="theme"]', function (el) {
    el.value = theme;
  });
  each('[data-boot="presenter"]', function (el) {
    el.checked = saved.presenter === true;
  });
  remove('[data-boot-theme-icon]:not([data-boot-theme-icon="' + theme + '"])');

  // The welcome shows until it is dismissed (Welcome.tsx); a returning visitor's files are in IndexedDB, so the
  // editor stays empty rather than showing the first workspace's Dockerfile.
  var welcomed = true;
  try {
    welcomed = !store || store.getItem('layerlab.welcomed') === '1';
  } catch (e) {
    welcomed = true;
  }
  if (welcomed) remove('[data-boot="welcome"]');
  if (returning)
    each('[data-boot="text"], [data-boot="tag"], [data-boot="path"]', function (el) {
      if (el.tagName === 'SPAN') el.textContent = '';
      else el.value = '';
    });

  // Pane sizes as DesktopLayout saved them (react-resizable-panels' useDefaultLayout, see DesktopLayout.tsx).
  var groups = [
    ['outer', ['p-work', 'p-right']],
    ['work', ['p-top', 'p-terminal']],
    ['top', ['p-files', 'p-editor', 'p-layers']],
    ['right', ['p-lesson', 'p-side']],
  ];
  for (var g = 0; g < groups.length; g++) {
    var sizes = read('react-resizable-panels:layerlab.layout.' + groups[g][0] + ':' + groups[g][1].join(':'));
    if (!sizes || typeof sizes !== 'object') continue;
    for (var p = 0; p < groups[g][1].length; p++) {
      var id = groups[g][1][p];
      var size = sizes[id];
      var el = app.querySelector('[data-boot-panel="' + id + '"]');
      if (el && typeof size === 'number' && size >= 0 && size <= 100) el.style.flexGrow = String(size);
    }
  }

  document.documentElement.lang = lang;
  document.title = app.getAttribute('data-title') || document.title;
  app.removeAttribute('hidden');
  startApp();
})();
