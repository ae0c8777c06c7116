// The calculator page: its own words in English and Dutch, the switch between
// them, and the switch between the measures (NPS, SCI, Likert/CSAT, retention
// and CLV), which sets the <loyalty-calculator>'s metric attribute. The first
// time a measure is shown it gets example data, so the page shows a result at
// once. ?lang=nl and ?metric=sci choose where the page starts.
(function () {
  'use strict';
  var METRICS = ['nps', 'sci', 'likert', 'clv'];
  var TEXT = {
    en: {
      title_nps: 'NPS calculator',
      title_sci: 'Secure Customer Index calculator',
      title_likert: 'Likert and CSAT calculator',
      title_clv: 'Retention and customer lifetime value',
      lead_nps: 'Paste the answers to “How likely are you to recommend us?” and read your Net Promoter Score with its confidence interval. Below the result you can compare two periods and plan how many responses you need.',
      lead_sci: 'Paste three answers per customer — satisfaction, buying again, recommending — and see who is secure, who is favorable and who is at risk.',
      lead_likert: 'Paste answers on a 1–5, 1–7 or 0–10 scale and read the average, the CSAT and how the answers are spread.',
      lead_clv: 'Work out retention and churn over a period, and what a customer is worth over the years.',
      doc_nps: 'NPS calculator with confidence interval · loyalty-score',
      doc_other: 'Customer loyalty calculators: NPS, SCI, CSAT and CLV · loyalty-score',
      metricsLabel: 'Measure',
      tab_nps: 'NPS',
      tab_sci: 'SCI and CLI',
      tab_likert: 'Likert and CSAT',
      tab_clv: 'Retention and CLV',
      howTitle: 'How the score is computed',
      how1: 'Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. The Net Promoter Score is the percentage of promoters minus the percentage of detractors, from −100 to +100.',
      how2: 'The confidence interval shows how far the score of all your customers could lie from the score of those who answered. By default it is the adjusted Wald interval recommended by Rocks (2016, The American Statistician), which adds three quarters of a promoter, one and a half passives and three quarters of a detractor before computing a normal interval.',
      how3: 'Entries that are not whole numbers from 0 to 10 are listed with their line and column, so you can fix them; empty cells are skipped.',
      compareTitle: 'Comparing two periods',
      compare1: 'Paste the answers of two periods or segments, or type their counts, under “Compare two periods”. You get the difference (after minus before) with its confidence interval and p-value. When the interval includes zero, the change is within the margin of error: chance alone could explain it.',
      compare2: 'The comparison uses the interval method chosen in the calculator; Tango’s method has no form for a difference, so it then uses adjusted Wald.',
      segmentTitle: 'By segment, over time, and in their own words',
      segment1: 'Give a whole export (or paste a table) and choose a column under “Segment by”, such as region, plan or channel. Each segment gets its own score and interval, and is compared with all other respondents together. With many segments, some differences look large by chance alone, so the p-values are corrected with Holm’s method (1979) before a segment is called significantly higher or lower. Segments with fewer than 30 answers are shown muted: their scores move a lot with a few answers.',
      segment2: 'Choose a column under “Date” to see the score per day, week, month, quarter or year, with its interval band and the number of answers under each point; each period is compared with the one before it. Dates such as 5/1/2024 can mean 5 January or 1 May: the calculator decides from the other dates in the file (13/1/2024 can only be day first) and says so when it cannot tell.',
      segment3: 'Choose a column under “Comments” to read what promoters, passives and detractors wrote, with a search box. The calculator suggests a column for each when one fits; switch it off with “None”.',
      planTitle: 'Planning a survey',
      plan1: 'Under “How many responses do I need?”, choose the margin of error you want, such as ±5 points. Without expected shares the planner takes the worst case, half promoters and half detractors: ±5 points at 95% confidence then needs 1,537 responses. If you expect, say, 50% promoters and 20% detractors, fewer will do.',
      sciTitle: 'The Secure Customer Index',
      sci1: 'Ask three questions: overall satisfaction, how likely the customer is to buy again, and how likely to recommend you. A customer is secure when all three answers are top marks (9–10 on a 0–10 scale, 6–7 on 1–7, 4–5 on 1–5), favorable when all three are good but not all top (at least 7, 5 or 3), and at risk when any answer is low. The index is the percentage of secure customers, with a Wilson confidence interval.',
      sci2: 'The Customer Loyalty Index (CLI) is the average of all three answers on a scale from 0 to 100. The lines of the at-risk respondents are listed, so you can follow them up.',
      sci3: 'Paste three columns from a spreadsheet. With a header row the columns are recognised by name, in English or Dutch and in any order (satisfaction / tevredenheid, buy again / opnieuw kopen, recommend / aanbevelen); without one they are read as satisfaction, buy again, recommend, and the calculator says so.',
      likertTitle: 'Likert scales and CSAT',
      likert1: 'Paste one column of answers on a scale from 1 to 5, 1 to 7 or 0 to 10. You get the average with its confidence interval (Student’s t), the median, the standard deviation, and the shares of the top box, the top two boxes and the bottom two boxes.',
      likert2: 'On a 1–5 satisfaction scale, the share of 4s and 5s is the Customer Satisfaction Score (CSAT); its confidence interval is Wilson’s.',
      clvTitle: 'Retention and customer lifetime value',
      clv1: 'Retention is the share of the customers at the start of a period who are still customers at the end: customers at the end minus new customers, divided by customers at the start. Churn is the rest.',
      clv2: 'Customer lifetime value is what a customer is worth today: the margin per year (order value × purchases per year × gross margin) times r / (1 + d − r), with yearly retention r and discount rate d (Gupta and Lehmann, 2003). Money further in the future counts for less; the discount rate says how much less. Retention of 100% with no discount would make a customer worth an unlimited amount, so the calculator asks for a discount rate above 0.',
      footer: 'Everything is computed in your browser by WebAssembly. Nothing you paste is sent anywhere.',
    },
    nl: {
      title_nps: 'NPS-calculator',
      title_sci: 'Secure Customer Index-calculator',
      title_likert: 'Likert- en CSAT-calculator',
      title_clv: 'Klantbehoud en klantwaarde',
      lead_nps: 'Plak de antwoorden op “Hoe waarschijnlijk is het dat je ons aanbeveelt?” en lees je Net Promoter Score met het betrouwbaarheidsinterval. Onder het resultaat kun je twee periodes vergelijken en uitrekenen hoeveel reacties je nodig hebt.',
      lead_sci: 'Plak drie antwoorden per klant — tevredenheid, opnieuw kopen, aanbevelen — en zie wie loyaal is, wie positief en wie een risico.',
      lead_likert: 'Plak antwoorden op een schaal van 1–5, 1–7 of 0–10 en lees het gemiddelde, de CSAT en hoe de antwoorden verdeeld zijn.',
      lead_clv: 'Reken klantbehoud en klantverloop over een periode uit, en wat een klant over de jaren waard is.',
      doc_nps: 'NPS-calculator met betrouwbaarheidsinterval · loyalty-score',
      doc_other: 'Calculators voor klantloyaliteit: NPS, SCI, CSAT en CLV · loyalty-score',
      metricsLabel: 'Maatstaf',
      tab_nps: 'NPS',
      tab_sci: 'SCI en CLI',
      tab_likert: 'Likert en CSAT',
      tab_clv: 'Klantbehoud en CLV',
      howTitle: 'Zo wordt de score berekend',
      how1: 'Promotors antwoorden 9 of 10, passieven 7 of 8, criticasters 0 tot en met 6. De Net Promoter Score is het percentage promotors min het percentage criticasters, van −100 tot +100.',
      how2: 'Het betrouwbaarheidsinterval laat zien hoe ver de score van al je klanten kan afliggen van de score van wie antwoordde. Standaard is dat het aangepaste Wald-interval dat Rocks (2016, The American Statistician) aanbeveelt: dat telt er driekwart promotor, anderhalve passieve en driekwart criticaster bij op en berekent dan een normaal interval.',
      how3: 'Waarden die geen geheel getal van 0 tot 10 zijn, worden met regel en kolom getoond zodat je ze kunt verbeteren; lege cellen worden overgeslagen.',
      compareTitle: 'Twee periodes vergelijken',
      compare1: 'Plak onder “Vergelijk twee periodes” de antwoorden van twee periodes of groepen, of typ hun aantallen. Je krijgt het verschil (na min voor) met het betrouwbaarheidsinterval en de p-waarde. Ligt nul binnen het interval, dan valt de verandering binnen de foutmarge: toeval alleen kan haar verklaren.',
      compare2: 'De vergelijking gebruikt de intervalmethode die in de calculator gekozen is; de Tango-methode bestaat niet voor een verschil, dus dan wordt aangepaste Wald gebruikt.',
      segmentTitle: 'Per groep, door de tijd, en in hun eigen woorden',
      segment1: 'Geef een hele export (of plak een tabel) en kies onder “Segmenteer op” een kolom, zoals regio, abonnement of kanaal. Elke groep krijgt een eigen score en interval, en wordt vergeleken met alle andere respondenten samen. Met veel groepen lijken sommige verschillen alleen door toeval groot, dus worden de p-waarden met de methode van Holm (1979) gecorrigeerd voordat een groep significant hoger of lager heet. Groepen met minder dan 30 antwoorden worden gedempt getoond: hun score verandert sterk door een paar antwoorden.',
      segment2: 'Kies onder “Datum” een kolom om de score per dag, week, maand, kwartaal of jaar te zien, met de band van het interval en het aantal antwoorden onder elk punt; elke periode wordt vergeleken met de vorige. Een datum als 5/1/2024 kan 5 januari of 1 mei zijn: de calculator beslist aan de hand van de andere datums in het bestand (13/1/2024 kan alleen dag-eerst zijn) en zegt het als hij het niet kan weten.',
      segment3: 'Kies onder “Opmerkingen” een kolom om te lezen wat promotors, passieven en criticasters schreven, met een zoekvak. De calculator stelt voor elk een kolom voor als er een past; zet hem uit met “Geen”.',
      planTitle: 'Een enquête plannen',
      plan1: 'Kies onder “Hoeveel reacties heb ik nodig?” de foutmarge die je wilt, bijvoorbeeld ±5 punten. Zonder verwachte aandelen rekent de planner met het ongunstigste geval, half promotors en half criticasters: ±5 punten bij 95% betrouwbaarheid vraagt dan 1.537 reacties. Verwacht je bijvoorbeeld 50% promotors en 20% criticasters, dan zijn er minder nodig.',
      sciTitle: 'De Secure Customer Index',
      sci1: 'Stel drie vragen: algemene tevredenheid, hoe waarschijnlijk de klant opnieuw koopt, en hoe waarschijnlijk hij je aanbeveelt. Een klant is loyaal (secure) als alle drie de antwoorden topscores zijn (9–10 op een schaal van 0–10, 6–7 op 1–7, 4–5 op 1–5), positief (favorable) als alle drie goed zijn maar niet alle drie top (minstens 7, 5 of 3), en een risico (at risk) als een antwoord laag is. De index is het percentage loyale klanten, met een Wilson-betrouwbaarheidsinterval.',
      sci2: 'De Customer Loyalty Index (CLI) is het gemiddelde van alle drie de antwoorden op een schaal van 0 tot 100. De regels van de respondenten met risico worden genoemd, zodat je contact met ze kunt opnemen.',
      sci3: 'Plak drie kolommen uit een spreadsheet. Met een kopregel worden de kolommen op naam herkend, in het Nederlands of Engels en in elke volgorde (tevredenheid / satisfaction, opnieuw kopen / buy again, aanbevelen / recommend); zonder kopregel worden ze gelezen als tevredenheid, opnieuw kopen, aanbevelen, en dat meldt de calculator.',
      likertTitle: 'Likertschalen en CSAT',
      likert1: 'Plak één kolom met antwoorden op een schaal van 1 tot 5, 1 tot 7 of 0 tot 10. Je krijgt het gemiddelde met het betrouwbaarheidsinterval (Student-t), de mediaan, de standaardafwijking en de aandelen van het hoogste antwoord, de bovenste twee en de onderste twee antwoorden.',
      likert2: 'Op een tevredenheidsschaal van 1–5 is het aandeel vieren en vijven de Customer Satisfaction Score (CSAT); het betrouwbaarheidsinterval daarvan is dat van Wilson.',
      clvTitle: 'Klantbehoud en klantwaarde',
      clv1: 'Klantbehoud is het aandeel van de klanten aan het begin van een periode dat aan het eind nog klant is: klanten aan het eind min nieuwe klanten, gedeeld door de klanten aan het begin. Klantverloop (churn) is de rest.',
      clv2: 'Klantwaarde (customer lifetime value) is wat een klant vandaag waard is: de marge per jaar (orderwaarde × aankopen per jaar × brutomarge) maal r / (1 + d − r), met klantbehoud per jaar r en disconteringsvoet d (Gupta en Lehmann, 2003). Geld verder in de toekomst telt minder mee; de disconteringsvoet zegt hoeveel minder. Klantbehoud van 100% zonder disconteren zou een klant onbeperkt veel waard maken, dus dan vraagt de calculator een disconteringsvoet boven 0.',
      footer: 'Alles wordt in je browser berekend met WebAssembly. Niets wat je plakt wordt ergens naartoe gestuurd.',
    },
  };
  // Example data for each measure, shown the first time it is chosen.
  var EXAMPLES = {
    sci: 'tevredenheid;opnieuw kopen;aanbevelen\n9;10;9\n8;7;9\n10;9;10\n6;8;7\n9;9;10\n7;6;5\n10;10;9\n9;8;9\n4;5;3\n9;10;10\n8;8;8\n10;9;9',
    likert: '5\n4\n4\n3\n5\n4\n2\n5\n4\n4\n3\n5\n1\n4\n5\n4',
    clv: { customersAtStart: 1200, customersAtEnd: 1260, newCustomers: 180, averageOrderValue: 45, purchasesPerYear: 3, grossMargin: 0.4, discountRate: 0.1 },
  };
  var lang = 'en';
  var metric = 'nps';
  var shown = { nps: true };
  var calculator = document.getElementById('calculator');

  function pick(tag) {
    return String(tag || '').toLowerCase().indexOf('nl') === 0 ? 'nl' : 'en';
  }

  function each(selector, run) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) run(nodes[i]);
  }

  function apply() {
    var text = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = metric === 'nps' ? text.doc_nps : text.doc_other;
    each('[data-text]', function (node) {
      var key = node.getAttribute('data-text');
      if (key === 'title' || key === 'lead') key += '_' + metric;
      node.textContent = text[key];
    });
    each('[data-label]', function (node) {
      node.setAttribute('aria-label', text[node.getAttribute('data-label')]);
    });
    each('[data-lang]', function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
    each('[data-metric]', function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-metric') === metric));
    });
    each('[data-metric-section]', function (section) {
      section.hidden = section.getAttribute('data-metric-section') !== metric;
    });
    if (calculator) calculator.setAttribute('lang', lang);
  }

  function choose(next) {
    metric = next;
    if (calculator) {
      calculator.setAttribute('metric', metric);
      if (!shown[metric]) {
        shown[metric] = true;
        if (metric === 'clv') {
          var values = {};
          for (var key in EXAMPLES.clv) values[key] = EXAMPLES.clv[key];
          calculator.analyze(values);
          // Retention per year from the retention over the period: (1260 − 180) / 1200 = 90%.
          var kept = calculator.report && calculator.report.retention;
          if (kept) {
            values.retentionRate = kept.retentionRate;
            calculator.analyze(values);
          }
        } else if (calculator.value === '') {
          calculator.value = EXAMPLES[metric];
        }
      }
    }
    apply();
  }

  var query = location.search;
  var fromLang = /[?&]lang=(\w+)/.exec(query);
  var fromMetric = /[?&]metric=(\w+)/.exec(query);
  lang = pick(fromLang ? fromLang[1] : navigator.language);
  apply();
  if (fromMetric && METRICS.indexOf(fromMetric[1]) > 0) choose(fromMetric[1]);
  document.querySelector('.languages').addEventListener('click', function (event) {
    var next = event.target && event.target.getAttribute && event.target.getAttribute('data-lang');
    if (next) {
      lang = next;
      apply();
    }
  });
  document.querySelector('.metrics').addEventListener('click', function (event) {
    var next = event.target && event.target.getAttribute && event.target.getAttribute('data-metric');
    if (next && next !== metric) choose(next);
  });
})();
