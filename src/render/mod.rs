//! Renderers: results as tables for people, CSV and JSON for scripts.
