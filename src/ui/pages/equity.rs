//! Pay equity at a glance: per grade, each person's rate, position in the range (a bar from
//! the lowest to the highest step), compa-ratio to the midpoint, and who is below a legal
//! floor or the living-wage reference, as of any date.

use super::ladders::pay_links;
use super::{load_snapshot, Whose};
use crate::domain::date::{Date, DateExt};
use crate::domain::ladders::board::equity;
use crate::i18n::ladders as words;
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::ctx::{dynamic, tr, use_ctx};
use crate::ui::query::{query_state, History};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;

#[component]
pub fn PayEquity() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::EquityTitle)));
    let snapshot = load_snapshot(c, Whose::Everyone);
    let as_of = query_state("as_of", History::Push);
    let day = move || Date::parse_iso(&as_of.get()).unwrap_or_else(browser::today);
    let body = move || {
        let locale = c.locale.get();
        let on = day();
        snapshot.with(|s| {
            let snap = match s {
                None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(Ok(snap)) => snap,
            };
            let grades = equity(&snap.records, snap.set(), on);
            let shown: Vec<_> = grades.into_iter().filter(|(_, rows)| !rows.is_empty()).collect();
            if shown.is_empty() {
                return view! { <p class="empty">{c.t(Msg::NobodyPlaced)}" "<a href="/ladders">{c.t(Msg::LaddersTitle)}</a></p> }.into_any();
            }
            shown
                .into_iter()
                .map(|(g, rows)| {
                    let range = g.range().map(|(a, m, b)| format!("{} – {} ({} {})", words::money(locale, a), words::money(locale, b), Msg::Midpoint.text(locale), words::money(locale, m)));
                    let id = format!("equity-{}", g.id.replace('.', "-"));
                    let columns = [
                        Column::text(Msg::ColPerson.text(locale)),
                        Column::num(Msg::ColHourly.text(locale)),
                        Column::text(Msg::PositionInRange.text(locale)),
                        Column::num(Msg::CompaRatio.text(locale)),
                        Column::text(Msg::ColFlags.text(locale)),
                    ];
                    let labelled_by = id.clone();
                    view! {
                        <section class="card" aria-labelledby=labelled_by>
                            <h2 id=id>{g.name.get(locale).to_owned()}</h2>
                            {range.map(|r| view! { <p class="muted">{r}</p> })}
                            {table::table("", "", &columns, rows.iter().map(|r| {
                                let position = r.position.map(|p| p.clamp(0, 10_000));
                                let bar = position.map(|p| view! {
                                    <progress max="10000" value=p.to_string() aria-label=format!("{}: {}", Msg::PositionInRange.text(locale), words::ratio(locale, r.position.unwrap_or(0)))></progress>
                                    " "{words::ratio(locale, r.position.unwrap_or(0))}
                                }.into_any());
                                let mut flags = Vec::new();
                                if r.below_minimum { flags.push(("status-expired", Msg::BelowFloorShort.text(locale).to_owned())); }
                                if r.below_living { flags.push(("status-due_soon", Msg::BelowLivingShort.text(locale).to_owned())); }
                                Row {
                                    class: if r.below_minimum { "flagged" } else { "" },
                                    key: r.person.id.clone(),
                                    cells: vec![
                                        Cell::Link(format!("/people/{}", r.person.id), r.person.name.clone()),
                                        words::money(locale, r.placement.hourly).into(),
                                        bar.map_or(Cell::Text(String::new()), Cell::View),
                                        r.compa_ratio.map(|x| words::ratio(locale, x)).unwrap_or_default().into(),
                                        Cell::Badges(flags),
                                    ],
                                }
                            }).collect())}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section>
            <h1>{tr(Msg::EquityTitle)}</h1>
            {dynamic(move || pay_links(c.locale.get()))}
            <p class="hint">{tr(Msg::EquityIntro)}</p>
            <div class="filters">
                <div class="field">
                    <label for="equity-as-of">{tr(Msg::AsOfLabel)}</label>
                    <input id="equity-as-of" type="date" prop:value=move || day().to_iso() on:input=move |ev| as_of.set(event_target_value(&ev)) />
                </div>
            </div>
            {dynamic(body)}
        </section>
    }
}
