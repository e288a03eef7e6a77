"""Streamlit dashboard (placeholder until the dashboard issue lands)."""

import streamlit as st

st.title("timeline")
st.write("The dashboard is being built.")
