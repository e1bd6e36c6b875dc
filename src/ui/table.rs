//! Read-only tables from data: pages describe columns and cells; this one function draws
//! them. Every table shares one set of view types, so each new table costs only the code
//! that fills it (a table written out in `view!` compiles its own renderer: kilobytes each).
//! On phones the rows become labelled cards (`data-label`, style/main.css).

use leptos::prelude::*;

/// One cell's content.
pub enum Cell {
    Text(String),
    /// A link: href, text.
    Link(String, String),
    /// Badges: CSS class, text.
    Badges(Vec<(&'static str, String)>),
    /// Anything else (a button, a bar): its own view.
    View(AnyView),
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

pub struct Column {
    pub label: &'static str,
    /// Right-aligned figures.
    pub num: bool,
    /// Said to screen readers only (a column of buttons).
    pub hidden: bool,
    /// Its cells head their rows (`<th scope="row">`).
    pub row_header: bool,
}

impl Column {
    pub fn text(label: &'static str) -> Column {
        Column { label, num: false, hidden: false, row_header: false }
    }

    pub fn num(label: &'static str) -> Column {
        Column { num: true, ..Column::text(label) }
    }

    pub fn hidden(label: &'static str) -> Column {
        Column { hidden: true, ..Column::text(label) }
    }

    pub fn row_header(label: &'static str) -> Column {
        Column { row_header: true, ..Column::text(label) }
    }
}

pub struct Row {
    pub class: &'static str,
    /// A `data-*` value for tests and styles (`data-key`).
    pub key: String,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row { class: "", key: String::new(), cells }
    }
}

fn cell_view(cell: Cell) -> AnyView {
    match cell {
        Cell::Text(t) => t.into_any(),
        Cell::Link(href, text) => view! { <a href=href>{text}</a> }.into_any(),
        Cell::Badges(list) => list.into_iter().map(|(class, text)| view! { <span class=format!("badge {class}")>{text}</span>" " }).collect_view().into_any(),
        Cell::View(v) => v,
    }
}

/// The table: a header row of `columns`, then `rows` (a cell per column, in order).
pub fn table(id: &str, class: &str, columns: &[Column], rows: Vec<Row>) -> AnyView {
    let head = columns
        .iter()
        .map(|c| {
            let label = if c.hidden { view! { <span class="visually-hidden">{c.label}</span> }.into_any() } else { c.label.into_any() };
            view! { <th scope="col" class=if c.num { "num" } else { "" }>{label}</th> }
        })
        .collect_view();
    let labels: Vec<(&'static str, bool, bool)> = columns.iter().map(|c| (c.label, c.num, c.row_header)).collect();
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .cells
                .into_iter()
                .zip(labels.iter())
                .map(|(cell, (label, num, header))| {
                    if *header {
                        view! { <th scope="row">{cell_view(cell)}</th> }.into_any()
                    } else {
                        view! { <td data-label=*label class=if *num { "num" } else { "" }>{cell_view(cell)}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr class=r.class data-key=r.key>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class=format!("list {class}") id=(!id.is_empty()).then(|| id.to_owned())>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}
