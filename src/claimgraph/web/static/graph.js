// The network page: fetch /api/v1/graph with the form's filters and draw it with cytoscape.
(function () {
  const colours = { PERSON: "#6a1b9a", ORG: "#00695c", PLACE: "#8d6e63" };
  const gradeColours = { confirmed: "#2e7d32", corroborated: "#1565c0", "single-source": "#9e9e9e", contested: "#ef6c00", denied: "#c62828" };
  const form = document.getElementById("filters");
  let cy = null;

  async function load() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (v) params.set(k, v);
    const response = await fetch("/api/v1/graph?" + params.toString());
    const data = await response.json();
    if (!response.ok) { document.getElementById("graph-count").textContent = data.error.message; return; }
    document.getElementById("graph-count").textContent = data.nodes.length + " entities, " + data.edges.length + " relations";
    if (cy) cy.destroy();
    cy = cytoscape({
      container: document.getElementById("cy"),
      elements: data.nodes.concat(data.edges),
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": (n) => colours[n.data("type")] || "#555",
          width: (n) => 14 + Math.min(30, n.data("mentions")), height: (n) => 14 + Math.min(30, n.data("mentions")) } },
        { selector: "edge", style: { label: "data(predicate)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle",
          width: (e) => 1 + Math.min(5, e.data("support")), "line-color": (e) => gradeColours[e.data("grade")] || "#999",
          "target-arrow-color": (e) => gradeColours[e.data("grade")] || "#999" } },
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000 },
    });
    cy.on("tap", "node", (evt) => { window.location.href = "/entities/" + evt.target.id(); });
    window.claimgraphCy = cy;
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  load();
})();
