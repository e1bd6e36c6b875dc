//! Add, copy or edit a curriculum: its names, completion mode, sections with day limits, the
//! trainings in order (required or optional, in a section), and whom it is for. Editing one
//! that people have been given saves a new version; theirs stays as it was. Archive instead
//! of delete.

use super::{language_options, load_snapshot, page_id, read_plans, training_options, worker_options, Whose};
use crate::domain::curricula::curriculum::Curriculum;
use crate::domain::curricula::form::{CurriculumDraft, ItemDraft, SectionDraft};
use crate::domain::curricula::plan::PlanRecord;
use crate::domain::form::{Errors, Field};
use crate::domain::person::{PreferredLanguage, WorkerType};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx};
use crate::ui::fields::{check_list, checked, ErrorSummary, Input, Select, TextArea};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[derive(Clone, Copy)]
struct SectionRow {
    key: u32,
    id: RwSignal<String>,
    name_en: RwSignal<String>,
    name_es: RwSignal<String>,
    days: RwSignal<String>,
}

#[derive(Clone, Copy)]
struct ItemRow {
    key: u32,
    training: RwSignal<String>,
    required: RwSignal<bool>,
    section: RwSignal<String>,
}

/// An inline error for a field of a row, tied to its input.
fn row_error(id: String, errors: RwSignal<Errors>, field: impl Fn() -> Option<Field> + Send + Sync + 'static) -> impl IntoView {
    let c = use_ctx();
    view! { <p class="error" id=id>{dynamic(move || field().and_then(|f| errors.with(|e| e.get(f))).map(|p| i18n::problem(c.locale.get(), p)))}</p> }
}

#[component]
pub fn CurriculumForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let query = use_query_map();
    let from = Memo::new(move |_| query.read().get("from").unwrap_or_default());
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let plans = LocalResource::new(move || {
        c.revision.track();
        read_plans()
    });
    let name_en = RwSignal::new(String::new());
    let name_es = RwSignal::new(String::new());
    let desc_en = RwSignal::new(String::new());
    let desc_es = RwSignal::new(String::new());
    let mode = RwSignal::new("all_any_order".to_owned());
    let at_least = RwSignal::new(String::new());
    let workers = RwSignal::new(Vec::<String>::new());
    let languages = RwSignal::new(Vec::<String>::new());
    let sections = RwSignal::new(Vec::<SectionRow>::new());
    let items = RwSignal::new(Vec::<ItemRow>::new());
    let next_key = StoredValue::new(0u32);
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<Curriculum>);
    let assigned = RwSignal::new(false);
    let missing = RwSignal::new(false);

    let key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let add_section = move |d: SectionDraft| {
        let row = SectionRow { key: key(), id: RwSignal::new(d.id), name_en: RwSignal::new(d.name_en), name_es: RwSignal::new(d.name_es), days: RwSignal::new(d.within_days) };
        sections.update(|v| v.push(row));
    };
    let add_item = move |d: ItemDraft| {
        let row = ItemRow { key: key(), training: RwSignal::new(d.training_id), required: RwSignal::new(d.required), section: RwSignal::new(d.section) };
        items.update(|v| v.push(row));
    };

    // Rows made when the form is filled belong to the page, not to the effect that fills it:
    // the effect runs again on any save anywhere (another tab's too), and its next run would
    // dispose what its last run made, so the form's save would read disposed signals.
    let owner = Owner::current().expect("a page runs inside the app");
    // Fill the form from the curriculum edited or copied, once it is read.
    let filled = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(Ok(p)) = plans.get() else { return };
        if filled.get_value() {
            return;
        }
        filled.set_value(true);
        let editing = id.get_untracked();
        let source = if editing.is_empty() { from.get_untracked() } else { editing.clone() };
        if source.is_empty() {
            owner.with(|| add_item(ItemDraft { required: true, ..ItemDraft::default() }));
            return;
        }
        let Some(found) = p.current_curricula().into_iter().find(|k| k.id == source).cloned() else {
            missing.set(true);
            return;
        };
        let d = CurriculumDraft::from_curriculum(&found);
        let copy = editing.is_empty();
        name_en.set(if copy { format!("{} ({})", d.name_en, Msg::CopySuffix.text(crate::domain::text::Locale::En)) } else { d.name_en });
        name_es.set(if copy { format!("{} ({})", d.name_es, Msg::CopySuffix.text(crate::domain::text::Locale::Es)) } else { d.name_es });
        desc_en.set(d.description_en);
        desc_es.set(d.description_es);
        mode.set(d.mode);
        at_least.set(d.at_least);
        workers.set(d.worker_types.iter().map(|w| w.code().to_owned()).collect());
        languages.set(d.languages.iter().map(|l| l.code().to_owned()).collect());
        owner.with(|| {
            for s in d.sections {
                add_section(s);
            }
            for i in d.items {
                add_item(i);
            }
        });
        if !copy {
            assigned.set(p.assigned(&found.id));
            original.set(Some(found));
        } else {
            original.set(Some(Curriculum { archived: false, ..found }));
        }
    });

    let editing = move || !id.with(String::is_empty);
    let title = move || c.t(if editing() { Msg::EditCurriculum } else if from.with(String::is_empty) { Msg::NewCurriculum } else { Msg::CopyCurriculum });
    Effect::new(move |_| browser::set_title(title()));

    let training_options = training_options(c, snapshot);
    let section_options = Signal::derive(move || {
        let l = c.locale.get();
        sections.with(|v| {
            v.iter()
                .enumerate()
                .map(|(i, s)| {
                    let id = s.id.get();
                    let name = if l == crate::domain::text::Locale::Es && !s.name_es.get().is_empty() { s.name_es.get() } else { s.name_en.get() };
                    (if id.is_empty() { format!("s{}", i + 1) } else { id }, if name.is_empty() { format!("{} {}", Msg::SectionLabel.text(l), i + 1) } else { name })
                })
                .collect::<Vec<(String, String)>>()
        })
    });
    let mode_options = Signal::derive(move || {
        let l = c.locale.get();
        vec![
            ("all_any_order".to_owned(), Msg::ModeAllAnyOrder.text(l).to_owned()),
            ("all_in_order".to_owned(), Msg::ModeAllInOrder.text(l).to_owned()),
            ("at_least".to_owned(), Msg::ModeAtLeastChoice.text(l).to_owned()),
        ]
    });
    let worker_options = worker_options(c);
    let language_options = language_options(c);

    let draft = move || CurriculumDraft {
        name_en: name_en.get_untracked(),
        name_es: name_es.get_untracked(),
        description_en: desc_en.get_untracked(),
        description_es: desc_es.get_untracked(),
        mode: mode.get_untracked(),
        at_least: at_least.get_untracked(),
        sections: sections.with_untracked(|v| {
            v.iter()
                .enumerate()
                .map(|(i, s)| {
                    let id = s.id.get_untracked();
                    SectionDraft { id: if id.is_empty() { format!("s{}", i + 1) } else { id }, name_en: s.name_en.get_untracked(), name_es: s.name_es.get_untracked(), within_days: s.days.get_untracked() }
                })
                .collect()
        }),
        items: items.with_untracked(|v| v.iter().map(|i| ItemDraft { training_id: i.training.get_untracked(), required: i.required.get_untracked(), section: i.section.get_untracked() }).collect()),
        worker_types: workers.get_untracked().iter().filter_map(|w| WorkerType::from_code(w)).collect(),
        languages: languages.get_untracked().iter().filter_map(|x| PreferredLanguage::from_code(x)).collect(),
    };

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let base = original.get_untracked();
        let to_save = if editing() {
            let Some(base) = base else { return };
            let Some(edited) = checked(draft().to_curriculum(&base.id, base.version, Some(&base)), errors) else { return };
            if edited == base {
                edited
            } else {
                base.save_edit(edited, assigned.get_untracked())
            }
        } else {
            let Some(new) = checked(draft().to_curriculum(&browser::new_id(), 1, base.as_ref()), errors) else { return };
            new
        };
        let navigate = navigate.clone();
        c.save(async move { db().save_plan_records(&[PlanRecord::Curriculum(to_save)]).await }, failed, Msg::Saved, move || navigate("/training", Default::default()));
    };
    let archive = move |_| {
        let Some(base) = original.get_untracked() else { return };
        let flipped = Curriculum { archived: !base.archived, ..base };
        c.write(async move { db().save_plan_records(&[PlanRecord::Curriculum(flipped)]).await }, Some(Msg::Saved), None);
        original.update(|o| {
            if let Some(x) = o {
                x.archived = !x.archived;
            }
        });
    };

    let section_list = move || {
        view! {
            <For each=move || sections.get() key=|s| s.key children=move |s: SectionRow| {
                let index = move || sections.with(|v| v.iter().position(|x| x.key == s.key).unwrap_or(0));
                let id = move |part: &str| format!("section-{}-{part}", s.key);
                let remove = move |_| sections.update(|v| v.retain(|x| x.key != s.key));
                view! {
                    <fieldset class="row-box">
                        <legend>{move || format!("{} {}", c.t(Msg::SectionLabel), index() + 1)}</legend>
                        <div class="row">
                            <div class="field">
                                <label for=id("en")>{tr(Msg::LabelNameEn)}</label>
                                <input id=id("en") type="text" bind:value=s.name_en aria-describedby=id("en-error") />
                                {row_error(id("en-error"), errors, move || Some(Field::SectionName(index() as u8)))}
                            </div>
                            <div class="field">
                                <label for=id("es")>{tr(Msg::LabelNameEs)}<span class="optional">" (" {tr(Msg::Optional)} ")"</span></label>
                                <input id=id("es") type="text" bind:value=s.name_es />
                            </div>
                            <div class="field">
                                <label for=id("days")>{tr(Msg::WithinDaysLabel)}<span class="optional">" (" {tr(Msg::Optional)} ")"</span></label>
                                <input id=id("days") type="text" inputmode="numeric" bind:value=s.days aria-describedby=id("days-error") />
                                {row_error(id("days-error"), errors, move || Some(Field::SectionDays(index() as u8)))}
                            </div>
                        </div>
                        <button type="button" class="link" on:click=remove>{tr(Msg::RemoveSection)}</button>
                    </fieldset>
                }
            } />
        }
    };

    let item_list = move || {
        view! {
            <For each=move || items.get() key=|i| i.key children=move |i: ItemRow| {
                let index = move || items.with(|v| v.iter().position(|x| x.key == i.key).unwrap_or(0));
                let id = move |part: &str| format!("item-{}-{part}", i.key);
                let remove = move |_| items.update(|v| v.retain(|x| x.key != i.key));
                let up = move |_| items.update(|v| {
                    if let Some(p) = v.iter().position(|x| x.key == i.key).filter(|p| *p > 0) {
                        v.swap(p, p - 1);
                    }
                });
                let training_select = NodeRef::<leptos::html::Select>::new();
                Effect::new(move |_| {
                    training_options.track();
                    let v = i.training.get();
                    if let Some(el) = training_select.get() {
                        el.set_value(&v);
                    }
                });
                let section_select = NodeRef::<leptos::html::Select>::new();
                Effect::new(move |_| {
                    section_options.track();
                    let v = i.section.get();
                    if let Some(el) = section_select.get() {
                        el.set_value(&v);
                    }
                });
                view! {
                    <li class="item-row">
                        <div class="field">
                            <label for=id("training")>{move || format!("{} {}", c.t(Msg::ColTraining), index() + 1)}</label>
                            <select id=id("training") node_ref=training_select on:change=move |ev| i.training.set(event_target_value(&ev))>
                                <option value="">{tr(Msg::ChooseTraining)}</option>
                                {dynamic(move || training_options.get().into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view())}
                            </select>
                        </div>
                        <label class="check"><input type="checkbox" bind:checked=i.required />{tr(Msg::RequiredLabel)}</label>
                        <Show when=move || sections.with(|v| !v.is_empty())>
                            <div class="field">
                                <label for=id("section")>{tr(Msg::SectionLabel)}</label>
                                <select id=id("section") node_ref=section_select on:change=move |ev| i.section.set(event_target_value(&ev))>
                                    <option value="">{tr(Msg::NoSection)}</option>
                                    {dynamic(move || section_options.get().into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view())}
                                </select>
                            </div>
                        </Show>
                        <span class="row-actions">
                            <button type="button" on:click=up aria-label=move || format!("{} {}", c.t(Msg::MoveUp), index() + 1) disabled=move || index() == 0>{tr(Msg::MoveUpShort)}</button>
                            <button type="button" class="link" on:click=remove aria-label=move || format!("{} {}", c.t(Msg::RemoveTraining), index() + 1)>{tr(Msg::RemoveTraining)}</button>
                        </span>
                    </li>
                }
            } />
        }
    };

    view! {
        <section class="narrow">
            <h1>{title}</h1>
            <Show when=move || missing.get()>
                <p class="alert alert-error" role="alert">{tr(Msg::NotFoundText)}</p>
            </Show>
            {dynamic(move || (editing() && assigned.get()).then(|| view! { <p class="alert alert-info">{c.t(Msg::NewVersionNote)}</p> }))}
            <form novalidate on:submit=submit>
                <ErrorSummary errors failed />
                <Input id="cur-name-en" label=Msg::LabelNameEn value=name_en errors field=Field::NameEn />
                <Input id="cur-name-es" label=Msg::LabelNameEs value=name_es errors field=Field::NameEs />
                <TextArea id="cur-desc-en" label=Msg::DescriptionEn value=desc_en errors field=Field::Notes />
                <TextArea id="cur-desc-es" label=Msg::DescriptionEs value=desc_es errors field=Field::Notes />
                <div class="row">
                    <Select id="cur-mode" label=Msg::ColMode value=mode options=mode_options />
                    <Show when=move || mode.get() == "at_least">
                        <Input id="cur-at-least" label=Msg::AtLeastLabel value=at_least errors field=Field::AtLeast inputmode="numeric" />
                    </Show>
                </div>
                <fieldset class="checks">
                    <legend>{tr(Msg::SectionsLegend)}</legend>
                    <p class="hint">{tr(Msg::SectionsHint)}</p>
                    {section_list}
                    <button type="button" on:click=move |_| add_section(SectionDraft::default())>{tr(Msg::AddSection)}</button>
                </fieldset>
                <fieldset class="checks" id="cur-items">
                    <legend>{tr(Msg::ColTrainings)}</legend>
                    <p class="hint">{tr(Msg::ItemsHint)}</p>
                    <ol class="item-list">{item_list}</ol>
                    {row_error("cur-items-error".into(), errors, || Some(Field::Items))}
                    <button type="button" on:click=move |_| add_item(ItemDraft { required: true, ..ItemDraft::default() })>{tr(Msg::AddTrainingToList)}</button>
                </fieldset>
                <fieldset class="checks" id="cur-workers">
                    <legend>{tr(Msg::ForWhomLegend)}</legend>
                    {check_list(worker_options, workers)}
                </fieldset>
                <fieldset class="checks" id="cur-languages">
                    <legend>{tr(Msg::TaughtInLegend)}</legend>
                    {check_list(language_options, languages)}
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href="/training">{tr(Msg::Cancel)}</a>
                    {dynamic(move || (editing() && original.with(Option::is_some)).then(|| view! {
                        <button type="button" on:click=archive>{c.t(if original.with(|o| o.as_ref().is_some_and(|x| x.archived)) { Msg::Unarchive } else { Msg::ArchiveAction })}</button>
                    }))}
                </div>
            </form>
        </section>
    }
}
