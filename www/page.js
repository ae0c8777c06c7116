// The calculator page: its own words in English and Dutch, and the switch
// between them. The calculator itself is the <loyalty-calculator> element.
(function () {
  'use strict';
  var TEXT = {
    en: {
      title: 'NPS calculator',
      lead: 'Paste the answers to “How likely are you to recommend us?” and read your Net Promoter Score with its confidence interval.',
      howTitle: 'How the score is computed',
      how1: 'Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. The Net Promoter Score is the percentage of promoters minus the percentage of detractors, from −100 to +100.',
      how2: 'The confidence interval shows how far the score of all your customers could lie from the score of those who answered. By default it is the adjusted Wald interval recommended by Rocks (2016, The American Statistician), which adds three quarters of a promoter, one and a half passives and three quarters of a detractor before computing a normal interval.',
      how3: 'Entries that are not whole numbers from 0 to 10 are listed with their line and column, so you can fix them; empty cells are skipped.',
      footer: 'Everything is computed in your browser by WebAssembly. Nothing you paste is sent anywhere.',
    },
    nl: {
      title: 'NPS-calculator',
      lead: 'Plak de antwoorden op “Hoe waarschijnlijk is het dat je ons aanbeveelt?” en lees je Net Promoter Score met het betrouwbaarheidsinterval.',
      howTitle: 'Zo wordt de score berekend',
      how1: 'Promotors antwoorden 9 of 10, passieven 7 of 8, criticasters 0 tot en met 6. De Net Promoter Score is het percentage promotors min het percentage criticasters, van −100 tot +100.',
      how2: 'Het betrouwbaarheidsinterval laat zien hoe ver de score van al je klanten kan afliggen van de score van wie antwoordde. Standaard is dat het aangepaste Wald-interval dat Rocks (2016, The American Statistician) aanbeveelt: dat telt er driekwart promotor, anderhalve passieve en driekwart criticaster bij op en berekent dan een normaal interval.',
      how3: 'Waarden die geen geheel getal van 0 tot 10 zijn, worden met regel en kolom getoond zodat je ze kunt verbeteren; lege cellen worden overgeslagen.',
      footer: 'Alles wordt in je browser berekend met WebAssembly. Niets wat je plakt wordt ergens naartoe gestuurd.',
    },
  };

  function pick(tag) {
    return String(tag || '').toLowerCase().indexOf('nl') === 0 ? 'nl' : 'en';
  }

  function apply(lang) {
    document.documentElement.lang = lang;
    document.title = lang === 'nl'
      ? 'NPS-calculator met betrouwbaarheidsinterval · loyalty-score'
      : 'NPS calculator with confidence interval · loyalty-score';
    var nodes = document.querySelectorAll('[data-text]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = TEXT[lang][nodes[i].getAttribute('data-text')];
    }
    var buttons = document.querySelectorAll('[data-lang]');
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].setAttribute('aria-pressed', String(buttons[j].getAttribute('data-lang') === lang));
    }
    var calculator = document.getElementById('calculator');
    if (calculator) calculator.setAttribute('lang', lang);
  }

  var fromQuery = /[?&]lang=(\w+)/.exec(location.search);
  apply(pick(fromQuery ? fromQuery[1] : navigator.language));
  document.querySelector('.languages').addEventListener('click', function (event) {
    var lang = event.target && event.target.getAttribute && event.target.getAttribute('data-lang');
    if (lang) apply(lang);
  });
})();
