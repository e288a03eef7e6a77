// The dashboard's timeline chart: one Plotly div per component instance, updated in place
// with Plotly.react so that a zoom made in the browser survives new data; it reports the
// x range the user zoomed to ("range", null = everything) and the event clicked ("clicked").

const loading = {};

function plotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  loading[src] = loading[src] || new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(src, window.location.origin + window.location.pathname).href;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.appendChild(script);
  });
  return loading[src];
}

// The x range a relayout event sets: [start, end], null for "everything", undefined when the
// event is not about the x axis (a legend click, a y-axis change, a resize).
function xRange(change) {
  if (change["xaxis.autorange"]) return null;
  if ("xaxis.range[0]" in change) return [change["xaxis.range[0]"], change["xaxis.range[1]"]];
  if (Array.isArray(change["xaxis.range"])) return change["xaxis.range"].slice(0, 2);
  return undefined;
}

export default function (component) {
  const { data, setStateValue, setTriggerValue, parentElement } = component;
  const div = parentElement.querySelector(".timeline-chart");
  const figure = JSON.parse(new TextDecoder().decode(data));  // {data, layout, config}
  // the page's theme (light or dark): its text colour, and no background of the chart's own
  const page = getComputedStyle(div);
  figure.layout.font = { family: page.fontFamily, color: page.color, ...figure.layout.font };
  figure.layout.paper_bgcolor = figure.layout.plot_bgcolor = "rgba(0,0,0,0)";
  for (const axis of [figure.layout.xaxis, figure.layout.yaxis]) {
    if (axis) axis.gridcolor = axis.gridcolor || "rgba(128,128,128,0.25)";
  }
  plotly(div.dataset.plotly)
    .then((Plotly) => Plotly.react(div, figure))
    .then(() => {
      if (div.dataset.bound) return;
      div.dataset.bound = "1";
      // drawn before the page had laid out its width: follow the width the chart gets
      new ResizeObserver(() => window.Plotly.Plots.resize(div)).observe(div);
      div.on("plotly_relayout", (change) => {
        const range = xRange(change);
        if (range !== undefined) setStateValue("range", range);
      });
      div.on("plotly_click", (event) => {
        const point = (event.points || []).find((p) => p.customdata);
        if (point) setTriggerValue("clicked", String(point.customdata));
      });
    })
    .catch((error) => {
      div.textContent = `The chart could not be drawn: ${error.message}`;
    });
}
