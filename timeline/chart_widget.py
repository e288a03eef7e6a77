"""The dashboard's timeline chart as a Streamlit component that keeps the zoom made in the
browser.

`st.plotly_chart` identifies a chart by a hash of its figure, so every filter change drew a new
chart and a zoom made by dragging or with the range slider was lost. This component keeps one
Plotly chart per key, updates it in place, and reports the x range the user zoomed to (which
the dashboard puts in the URL) and the event clicked. Plotly.js comes from the plotly package
on this server, never from a CDN. The only module of the package that imports Streamlit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go
import streamlit as st
from plotly.utils import PlotlyJSONEncoder
from streamlit.components import v1 as components_v1

# A file route (the component is never drawn): serves plotly.min.js of the installed plotly.
_PLOTLY_FILES = components_v1.declare_component(
    "plotly_files", path=str(Path(plotly.__file__).parent / "package_data")
)
_CHART = st.components.v2.component(
    "timeline_chart",
    html=(
        f'<div class="timeline-chart" style="width:100%" '
        f'data-plotly="component/{_PLOTLY_FILES.name}/plotly.min.js"></div>'
    ),
    js=(Path(__file__).parent / "web" / "timeline_chart.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # Plotly styles its hover labels and mode bar in the page's <head>
)


def timeline_chart(
    figure: go.Figure,
    *,
    key: str,
    config: dict[str, Any],
    on_zoom: Callable[[], None],
    on_click: Callable[[], None],
) -> None:
    """Draw `figure`. `on_zoom` runs when the user zooms (read the new x range, a pair of
    Plotly date strings or None for "everything", from `st.session_state[key].range`);
    `on_click` when an event is clicked (`st.session_state[key].clicked`: its customdata)."""
    _CHART(
        key=key,
        # bytes: Streamlit passes them on as they are (a dict would be serialized, parsed and
        # serialized again for the element's identity: 8 MB at 10,000 events)
        data=json.dumps(
            figure.to_plotly_json() | {"config": config}, cls=PlotlyJSONEncoder
        ).encode(),
        default={"range": None},
        on_range_change=on_zoom,
        on_clicked_change=on_click,
    )
