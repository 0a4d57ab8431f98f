// Every piece of article text reaches the page as data and is shown with textContent only.
(function () {
  var meta = JSON.parse(META);
  document.getElementById("heading").textContent = meta.title;
  document.getElementById("note").textContent = meta.note || "";
  var nodes = new vis.DataSet(DATA.map(function (n) {
    return {id: n.id, label: n.label, color: n.color, size: n.size, group: n.kg.type, shape: "dot", kg: n.kg};
  }));
  var edges = new vis.DataSet(EDGES.map(function (e, i) {
    return {id: "e" + i, from: e.from, to: e.to, label: e.kg.relation, arrows: e.kg.symmetric ? "" : "to",
            width: 1 + Math.log(1 + e.kg.weight), kg: e.kg, font: {align: "middle", size: 10}};
  }));
  var hiddenTypes = {}, hiddenRels = {};
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return !hiddenTypes[n.kg.type]; }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return !hiddenRels[e.kg.relation]; }});
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodeView, edges: edgeView}, OPTIONS);
  network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); });

  function el(tag, text, cls) { var x = document.createElement(tag); if (text !== undefined) x.textContent = text; if (cls) x.className = cls; return x; }
  function checkbox(box, value, colour, hidden) {
    var lab = el("label"), input = el("input"); input.type = "checkbox"; input.checked = true;
    input.addEventListener("change", function () { hidden[value] = !input.checked; nodeView.refresh(); edgeView.refresh(); });
    lab.appendChild(input);
    if (colour) { var dot = el("span", "", "dot"); dot.style.background = colour; lab.appendChild(dot); lab.className = "legend"; }
    lab.appendChild(document.createTextNode(value)); box.appendChild(lab);
  }
  meta.types.forEach(function (t) { checkbox(document.getElementById("types"), t[0], t[1], hiddenTypes); });
  meta.relations.forEach(function (r) { checkbox(document.getElementById("relations"), r, null, hiddenRels); });

  var info = document.getElementById("info");
  function showNode(id) {
    var n = nodes.get(id); if (!n) return; var k = n.kg; info.replaceChildren();
    info.appendChild(el("h2", k.name_ar || n.label));
    if (k.name_en) info.appendChild(el("div", k.name_en));
    info.appendChild(el("div", "النوع / type: " + k.type + " — " + k.mentions + " mentions"));
    info.appendChild(el("div", "أسماء أخرى / aliases: " + k.aliases.join("، ")));
    info.appendChild(el("div", "المقالات / articles: " + k.articles.join(", ")));
  }
  function showEdge(id) {
    var e = edges.get(id); if (!e) return; var k = e.kg; info.replaceChildren();
    info.appendChild(el("h2", k.head + " — " + k.relation + " → " + k.tail));
    if (k.role) info.appendChild(el("div", "الدور / role: " + k.role));
    info.appendChild(el("div", "weight: " + k.weight + ", confidence: " + k.confidence));
    k.evidence.forEach(function (ev) { info.appendChild(el("div", "[" + ev.article + "] " + ev.sentence, "ev")); });
  }
  network.on("click", function (p) { if (p.nodes.length) showNode(p.nodes[0]); else if (p.edges.length) showEdge(p.edges[0]); });
  network.on("hoverNode", function (p) { showNode(p.node); });

  // Search: any alias, without diacritics or tatweel, with or without the article / a clitic.
  function norm(s) {
    s = (s || "").normalize("NFKC").replace(/[\u0610-\u061a\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e]/g, "");
    s = s.replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه").toLowerCase();
    return s.replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
  }
  function bare(s) { return s.replace(/^(وال|بال|فال|كال|لل|ال)/, ""); }
  var index = [];
  nodes.forEach(function (n) {
    var keys = [n.label, n.kg.name_ar, n.kg.name_en].concat(n.kg.aliases).filter(Boolean).map(norm);
    index.push({id: n.id, keys: keys.concat(keys.map(bare))});
  });
  var matches = document.getElementById("matches");
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = norm(ev.target.value); matches.replaceChildren(); if (!q) return;
    var qb = bare(q);
    index.filter(function (x) { return x.keys.some(function (k) { return k.indexOf(q) >= 0 || k.indexOf(qb) >= 0; }); })
      .slice(0, 20).forEach(function (x) {
        var b = el("button", nodes.get(x.id).label); b.className = "match"; b.dataset.id = x.id;
        b.addEventListener("click", function () { network.selectNodes([x.id]); network.focus(x.id, {scale: 1.2}); showNode(x.id); });
        matches.appendChild(b);
      });
  });
  window.kgNetwork = network;
})();
