// The iframe embed, embed.html?metric=nps&lang=nl&…: one <loyalty-calculator>
// with the element's attributes taken from the query string, filling the
// frame's width. Its height is posted to the parent page as
// { type: 'loyalty-calculator:height', height } for hosts that want to size
// the frame to fit; without that, the frame scrolls.
(function () {
  'use strict';
  var ATTRIBUTES = ['metric', 'lang', 'level', 'method', 'scale', 'tools', 'currency', 'value', 'theme'];
  var params = new URLSearchParams(location.search);
  var element = document.createElement('loyalty-calculator');
  ATTRIBUTES.forEach(function (name) {
    var value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  });
  var compact = params.get('compact');
  if (compact !== null && compact !== 'false' && compact !== '0') element.setAttribute('compact', '');

  var lang = String(params.get('lang') || navigator.language || 'en').toLowerCase().indexOf('nl') === 0 ? 'nl' : 'en';
  document.documentElement.lang = lang;
  document.title = lang === 'nl' ? 'NPS-calculator' : 'NPS calculator';
  document.body.style.margin = '0';
  document.body.append(element);

  if (window.parent !== window && typeof ResizeObserver === 'function') {
    var last = 0;
    new ResizeObserver(function () {
      var height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: 'loyalty-calculator:height', height: height }, '*');
    }).observe(element);
  }
})();
