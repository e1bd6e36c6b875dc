//! The ladder editor (HR): name, steps in order (titles, description, duties, pay grade,
//! which steps may follow), and what each step requires as a tree of "all of" / "at least N
//! of" groups and conditions. "Preview" shows who would be ready under the edited rules
//! before anything is saved.
//!
//! Every node of the tree holds its own signals, so typing in one condition never redraws
//! another (focus stays where it is, for keyboard users too).

use super::{load_snapshot, page_id, Loaded, Snapshot, Whose};
use crate::domain::compliance::Filter;
use crate::domain::form::{Errors, Field};
use crate::domain::ladders::board::{board, LadderSet};
use crate::domain::ladders::form::{LadderDraft, RuleDraft, StepDraft, RULE_KINDS};
use crate::domain::ladders::ladder::Ladder;
use crate::domain::ladders::person::{AttestationChoice, KNOWN_KINDS};
use crate::domain::person::WorkerType;
use crate::domain::text::Locale;
use crate::domain::training::CeCategory;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx};
use crate::ui::fields::{checked, save_mine_over, ChangedElsewhere, ErrorSummary};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// One node of a step's rule, as signals.
#[derive(Clone, Copy)]
struct NodeUi {
    key: u32,
    kind: RwSignal<String>,
    n: RwSignal<String>,
    target: RwSignal<String>,
    amount: RwSignal<String>,
    within: RwSignal<String>,
    categories: RwSignal<Vec<CeCategory>>,
    children: RwSignal<Vec<NodeUi>>,
}

impl NodeUi {
    fn new(d: &RuleDraft) -> NodeUi {
        NodeUi {
            key: d.key,
            kind: RwSignal::new(d.kind.clone()),
            n: RwSignal::new(d.n.clone()),
            target: RwSignal::new(d.target.clone()),
            amount: RwSignal::new(d.amount.clone()),
            within: RwSignal::new(d.within.clone()),
            categories: RwSignal::new(d.categories.clone()),
            children: RwSignal::new(d.children.iter().map(NodeUi::new).collect()),
        }
    }

    fn draft(&self) -> RuleDraft {
        RuleDraft {
            key: self.key,
            kind: self.kind.get_untracked(),
            n: self.n.get_untracked(),
            target: self.target.get_untracked(),
            amount: self.amount.get_untracked(),
            within: self.within.get_untracked(),
            categories: self.categories.get_untracked(),
            children: self.children.get_untracked().iter().map(NodeUi::draft).collect(),
        }
    }
}

#[derive(Clone, Copy)]
struct StepUi {
    key: u32,
    id: StoredValue<String>,
    title_en: RwSignal<String>,
    title_es: RwSignal<String>,
    description_en: RwSignal<String>,
    description_es: RwSignal<String>,
    duties_en: RwSignal<String>,
    duties_es: RwSignal<String>,
    grade: RwSignal<String>,
    next: RwSignal<Vec<String>>,
    rule: NodeUi,
}

impl StepUi {
    fn new(d: &StepDraft, key: u32) -> StepUi {
        StepUi {
            key,
            id: StoredValue::new(d.id.clone()),
            title_en: RwSignal::new(d.title_en.clone()),
            title_es: RwSignal::new(d.title_es.clone()),
            description_en: RwSignal::new(d.description_en.clone()),
            description_es: RwSignal::new(d.description_es.clone()),
            duties_en: RwSignal::new(d.duties_en.clone()),
            duties_es: RwSignal::new(d.duties_es.clone()),
            grade: RwSignal::new(d.grade_id.clone()),
            next: RwSignal::new(d.next.clone()),
            rule: NodeUi::new(&d.rule),
        }
    }

    fn draft(&self) -> StepDraft {
        StepDraft {
            id: self.id.get_value(),
            title_en: self.title_en.get_untracked(),
            title_es: self.title_es.get_untracked(),
            description_en: self.description_en.get_untracked(),
            description_es: self.description_es.get_untracked(),
            duties_en: self.duties_en.get_untracked(),
            duties_es: self.duties_es.get_untracked(),
            grade_id: self.grade.get_untracked(),
            next: self.next.get_untracked(),
            rule: self.rule.draft(),
        }
    }
}

/// What every node's editor needs: the error list, option lists, a key counter.
#[derive(Clone, Copy)]
struct Editor {
    errors: RwSignal<Errors>,
    snapshot: Loaded<Snapshot>,
    next_key: StoredValue<u32>,
}

impl Editor {
    fn key(&self) -> u32 {
        self.next_key.update_value(|k| *k += 1);
        self.next_key.get_value()
    }

    fn blank(&self, kind: &str) -> NodeUi {
        NodeUi::new(&RuleDraft { key: self.key(), kind: kind.to_owned(), n: "1".into(), ..RuleDraft::default() })
    }
}

fn kind_label(locale: Locale, kind: &str) -> &'static str {
    let msg = match kind {
        "all" => Msg::RuleAll,
        "any_of" => Msg::RuleAnyOf,
        "requirement" => Msg::RuleRequirement,
        "training" => Msg::RuleTraining,
        "competencies" => Msg::RuleCompetencies,
        "ce_hours" => Msg::RuleCeHours,
        "months_in_step" => Msg::RuleMonthsInStep,
        "months_of_service" => Msg::RuleMonthsOfService,
        "hours_worked" => Msg::RuleHoursWorked,
        _ => Msg::RuleAttestation,
    };
    msg.text(locale)
}

/// A labelled text input bound to `value` with a dynamic id.
fn text_input(id: String, label: String, value: RwSignal<String>, mode: &'static str) -> impl IntoView {
    view! {
        <span class="inline-field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode=mode bind:value=value />
        </span>
    }
}

/// A labelled select over (value, label) options with a dynamic id.
fn select_input(id: String, label: String, value: RwSignal<String>, options: Vec<(String, String)>, placeholder: Option<String>) -> impl IntoView {
    view! {
        <span class="inline-field">
            <label for=id.clone()>{label}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {placeholder.map(|p| view! { <option value="">{p}</option> })}
                {options.into_iter().map(|(v, l)| { let sel = { let v = v.clone(); move || value.with(|x| *x == v) }; view! { <option value=v selected=sel>{l}</option> } }).collect_view()}
            </select>
        </span>
    }
}

/// The inputs of one condition or group; groups list their items, each removable.
fn node_view(ed: Editor, node: NodeUi, depth: u32) -> AnyView {
    let c = use_ctx();
    let key = node.key;
    // Another kind of condition starts blank: an old training id is not a requirement id.
    Effect::new(move |previous: Option<String>| {
        let kind = node.kind.get();
        if previous.is_some_and(|p| p != kind) {
            for s in [node.target, node.amount, node.within] {
                s.set(String::new());
            }
            node.categories.set(Vec::new());
        }
        kind
    });
    let fields = move || {
        let locale = c.locale.get();
        let id = |part: &str| format!("rule-{key}-{part}");
        match node.kind.get().as_str() {
            "all" | "any_of" => {
                let any = node.kind.with(|k| k == "any_of");
                let add = move |kind: &'static str| {
                    let child = ed.blank(kind);
                    node.children.update(|v| v.push(child));
                };
                view! {
                    {any.then(|| text_input(id("n"), Msg::RuleChooseN.text(locale).to_owned(), node.n, "numeric"))}
                    <ul class="rule-children">
                        <For each=move || node.children.get() key=|n| n.key let:child>
                            <li>
                                {node_view(ed, child, depth + 1)}
                                <button type="button" class="link" on:click=move |_| node.children.update(|v| v.retain(|x| x.key != child.key))
                                    aria-label=move || format!("{}: {}", c.t(Msg::RemoveCondition), kind_label(c.locale.get(), &child.kind.get()))>{tr(Msg::RemoveCondition)}</button>
                            </li>
                        </For>
                    </ul>
                    <p class="actions">
                        <button type="button" on:click=move |_| add("training")>{Msg::AddCondition.text(locale)}</button>
                        {(depth < 3).then(|| view! { <button type="button" on:click=move |_| add("any_of")>{Msg::AddGroup.text(locale)}</button> })}
                    </p>
                }
                .into_any()
            }
            "requirement" => {
                let options = ed.snapshot.with_untracked(|s| match s {
                    Some(Ok(snap)) => snap.requirements.iter().map(|r| (r.id.clone(), r.name.get(locale).to_owned())).collect(),
                    _ => Vec::new(),
                });
                select_input(id("target"), Msg::LabelRequirement.text(locale).to_owned(), node.target, options, Some(Msg::ChooseRequirement.text(locale).to_owned())).into_any()
            }
            "training" => {
                let options = ed.snapshot.with_untracked(|s| match s {
                    Some(Ok(snap)) => snap.trainings.iter().filter(|t| !t.retired).map(|t| (t.id.clone(), t.name.get(locale).to_owned())).collect(),
                    _ => Vec::new(),
                });
                view! {
                    {select_input(id("target"), Msg::LabelTraining.text(locale).to_owned(), node.target, options, Some(Msg::ChooseTraining.text(locale).to_owned()))}
                    {text_input(id("within"), Msg::WithinMonthsOptional.text(locale).to_owned(), node.within, "numeric")}
                }
                .into_any()
            }
            "competencies" => {
                let options = vec![("c3".to_owned(), Msg::FrameworkC3.text(locale).to_owned()), ("sb803".to_owned(), Msg::FrameworkSb803.text(locale).to_owned())];
                view! {
                    {select_input(id("target"), Msg::FrameworkLabel.text(locale).to_owned(), node.target, options, None)}
                    {text_input(id("amount"), Msg::CompetencyIdsLabel.text(locale).to_owned(), node.amount, "text")}
                }
                .into_any()
            }
            "ce_hours" => view! {
                {text_input(id("amount"), Msg::LabelHours.text(locale).to_owned(), node.amount, "decimal")}
                {text_input(id("within"), Msg::WithinMonths.text(locale).to_owned(), node.within, "numeric")}
                <fieldset class="checks compact">
                    <legend>{Msg::CeCategoriesAny.text(locale)}</legend>
                    {CeCategory::ALL.into_iter().map(|k| {
                        let on = move || node.categories.with(|v| v.contains(&k));
                        let toggle = move |_| node.categories.update(|v| if let Some(i) = v.iter().position(|x| *x == k) { v.remove(i); } else { v.push(k); });
                        view! { <label class="check"><input type="checkbox" prop:checked=on on:change=toggle />{i18n::ce_category(locale, k)}</label> }
                    }).collect_view()}
                </fieldset>
            }
            .into_any(),
            "months_in_step" | "months_of_service" => text_input(id("amount"), Msg::MonthsLabel.text(locale).to_owned(), node.amount, "numeric").into_any(),
            "hours_worked" => view! {
                {text_input(id("amount"), Msg::LabelHours.text(locale).to_owned(), node.amount, "decimal")}
                {text_input(id("within"), Msg::WithinMonthsOptional.text(locale).to_owned(), node.within, "numeric")}
            }
            .into_any(),
            _ => {
                // A choice by name, with a language or the organization's own words typed:
                // the stored code is never shown or typed.
                let start = AttestationChoice::of(&node.target.get_untracked());
                let choice = RwSignal::new(start.choice);
                let language = RwSignal::new(start.language);
                let other = RwSignal::new(start.other);
                Effect::new(move |_| {
                    let kind = AttestationChoice { choice: choice.get(), language: language.get(), other: other.get() }.kind();
                    if node.target.get_untracked() != kind {
                        node.target.set(kind);
                    }
                });
                let mut options: Vec<(String, String)> = KNOWN_KINDS.iter().map(|k| ((*k).to_owned(), crate::i18n::ladders::attestation_kind(locale, k))).collect();
                options.push(("language".into(), Msg::KindLanguage.text(locale).to_owned()));
                options.push(("other".into(), Msg::KindOther.text(locale).to_owned()));
                let (language_id, other_id) = (id("language"), id("other"));
                view! {
                    {select_input(id("target"), Msg::AttestationKindLabel.text(locale).to_owned(), choice, options, None)}
                    {move || match choice.get().as_str() {
                        "language" => Some(text_input(language_id.clone(), Msg::LanguageLabel.text(locale).to_owned(), language, "text").into_any()),
                        "other" => Some(text_input(other_id.clone(), Msg::KindOtherLabel.text(locale).to_owned(), other, "text").into_any()),
                        _ => None,
                    }}
                }
                .into_any()
            }
        }
    };
    let kinds = move || {
        let locale = c.locale.get();
        RULE_KINDS.iter().filter(|k| depth > 0 || k.starts_with("all") || k.starts_with("any")).map(|k| ((*k).to_owned(), kind_label(locale, k).to_owned())).collect::<Vec<_>>()
    };
    view! {
        <div class="rule-node" data-kind=move || node.kind.get()>
            {dynamic(move || select_input(format!("rule-{key}-kind"), c.t(Msg::ConditionKind).to_owned(), node.kind, kinds(), None))}
            {dynamic(fields)}
            <p class="error" id=format!("rule-{key}-error") role="alert">{dynamic(move || ed.errors.with(|e| e.get(Field::Rule(key))).map(|p| i18n::problem(c.locale.get(), p)))}</p>
        </div>
    }
    .into_any()
}

#[component]
pub fn LadderForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::Everyone);
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let ed = Editor { errors, snapshot, next_key: StoredValue::new(0) };
    let name_en = RwSignal::new(String::new());
    let name_es = RwSignal::new(String::new());
    let description_en = RwSignal::new(String::new());
    let description_es = RwSignal::new(String::new());
    let workers = RwSignal::new(Vec::<WorkerType>::new());
    let in_use = RwSignal::new(true);
    let steps = RwSignal::new(Vec::<StepUi>::new());
    let original = RwSignal::new(None::<Ladder>);
    // A save refused because the record changed elsewhere since the form opened (both as JSON).
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();
    let loaded = RwSignal::new(false);
    let preview = RwSignal::new(None::<Vec<(String, String, String)>>);

    // Rows made when the form is filled belong to the page, not to the effect that fills it:
    // the effect runs again on any save anywhere (another tab's too), and its next run would
    // dispose what its last run made, so the form's save would read disposed signals.
    let owner = Owner::current().expect("a page runs inside the app");
    let new_step = move || {
        let draft = StepDraft { id: browser::new_id(), rule: RuleDraft { key: ed.key(), kind: "all".into(), ..RuleDraft::default() }, ..StepDraft::default() };
        StepUi::new(&draft, ed.key())
    };
    Effect::new(move |_| {
        if loaded.get_untracked() {
            return;
        }
        let Some(Ok(_)) = snapshot.with(|s| s.as_ref().map(|r| r.as_ref().map(|_| ()).map_err(|_| ()))) else { return };
        loaded.set(true);
        let found = snapshot.with_untracked(|s| s.as_ref()?.as_ref().ok()?.ladders.iter().find(|l| l.id == id.get_untracked() && !l.example).cloned());
        match found {
            Some(l) => {
                let decimal = i18n::decimal_separator(c.locale.get_untracked());
                let mut key = 0;
                let d = LadderDraft::from_ladder(&l, &mut key, decimal);
                ed.next_key.set_value(key);
                name_en.set(d.name_en);
                name_es.set(d.name_es);
                description_en.set(d.description_en);
                description_es.set(d.description_es);
                workers.set(d.worker_types);
                in_use.set(!l.retired);
                owner.with(|| steps.set(d.steps.iter().map(|s| StepUi::new(s, ed.key())).collect()));
                original.set(Some(l));
            }
            None => owner.with(|| steps.set(vec![new_step()])),
        }
    });
    let title = move || c.t(if id.with(String::is_empty) { Msg::NewLadder } else { Msg::EditLadder });
    Effect::new(move |_| browser::set_title(title()));

    let draft = move || LadderDraft {
        name_en: name_en.get_untracked(),
        name_es: name_es.get_untracked(),
        description_en: description_en.get_untracked(),
        description_es: description_es.get_untracked(),
        worker_types: workers.get_untracked(),
        steps: steps.get_untracked().iter().map(StepUi::draft).collect(),
    };
    let ladder_id = move || if id.with_untracked(String::is_empty) { original.with_untracked(|o| o.as_ref().map(|l| l.id.clone())).unwrap_or_default() } else { id.get_untracked() };
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let record_id = Some(ladder_id()).filter(|s| !s.is_empty()).unwrap_or_else(browser::new_id);
        let base = original.get_untracked();
        let Some(mut ladder) = checked(draft().to_ladder(&record_id, base.as_ref()), errors) else { return };
        ladder.retired = !in_use.get_untracked();
        let href = format!("/ladders/{}", ladder.id);
        let navigate = navigate.clone();
        let mine = serde_json::to_string(&ladder).unwrap_or_default();
        c.save_over(async move { db().save_ladder_over(&ladder, base.as_ref()).await }, failed, conflict, mine, Msg::Saved, move || navigate(&href, Default::default()));
    };
    let run_preview = move |_| {
        let Some(ladder) = checked(draft().to_ladder(&Some(ladder_id()).filter(|s| !s.is_empty()).unwrap_or_else(|| "draft".into()), None), errors) else { return };
        let locale = c.locale.get_untracked();
        let due = c.settings.with_untracked(|s| s.due_soon_days);
        let rows = snapshot.with_untracked(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let mut ladders: Vec<Ladder> = snap.ladders.iter().filter(|l| l.id != ladder.id).cloned().collect();
            ladders.push(ladder.clone());
            let set = LadderSet { ladders: &ladders, grades: &snap.grades, floors: &snap.floors, policy: &snap.policy };
            let today = browser::today();
            Some(
                board(&snap.records, set, snap.context(due), today, &Filter::default(), Some(&ladder.id))
                    .into_iter()
                    .map(|r| {
                        let when = match (r.readiness.ready, r.readiness.earliest) {
                            (true, _) => Msg::ReadyNow.text(locale).to_owned(),
                            (false, Some(d)) => i18n::ready_on(locale, d, r.readiness.needs_plans),
                            (false, None) => Msg::NotReadyYet.text(locale).to_owned(),
                        };
                        (r.person.name.clone(), format!("{} → {}", r.current.title.get(locale), r.readiness.step.title.get(locale)), when)
                    })
                    .collect(),
            )
        });
        preview.set(rows);
    };

    let step_list = move || {
        view! {
            <For each=move || steps.get() key=|s| s.key let:step>
                {step_view(ed, steps, step)}
            </For>
        }
    };

    view! {
        <section class="ladder-editor">
            <h1>{title}</h1>
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(original, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <div class="row">
                    {plain_input("ladder-name-en", Msg::LabelNameEn, name_en, errors, Field::NameEn)}
                    {plain_input("ladder-name-es", Msg::LabelNameEs, name_es, errors, Field::NameEs)}
                </div>
                <div class="row">
                    {plain_area("ladder-description-en", Msg::DescriptionEnLabel, description_en)}
                    {plain_area("ladder-description-es", Msg::DescriptionEsLabel, description_es)}
                </div>
                <fieldset class="checks">
                    <legend>{tr(Msg::AppliesToLabel)}</legend>
                    {WorkerType::ALL.into_iter().map(|w| {
                        let on = move || workers.with(|v| v.contains(&w));
                        let toggle = move |_| workers.update(|v| if let Some(i) = v.iter().position(|x| *x == w) { v.remove(i); } else { v.push(w); });
                        view! { <label class="check"><input type="checkbox" prop:checked=on on:change=toggle />{dynamic(move || i18n::worker_type(c.locale.get(), w))}</label> }
                    }).collect_view()}
                </fieldset>
                <label class="check"><input type="checkbox" bind:checked=in_use />{tr(Msg::InUseLabel)}</label>
                <h2>{tr(Msg::StepsTitle)}</h2>
                <p class="hint">{tr(Msg::StepsHint)}</p>
                <p class="error" id="step-error">{dynamic(move || errors.with(|e| e.get(Field::Step)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                <ol class="step-editors">{dynamic(step_list)}</ol>
                <p class="actions"><button type="button" on:click=move |_| { let s = new_step(); steps.update(|v| v.push(s)); }>{tr(Msg::AddStep)}</button></p>
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <button type="button" on:click=run_preview>{tr(Msg::PreviewReady)}</button>
                    <a class="button" href=move || if id.with(String::is_empty) { "/ladders".to_owned() } else { format!("/ladders/{}", id.get()) }>{tr(Msg::Cancel)}</a>
                </div>
            </form>
            {dynamic(move || preview.get().map(|rows| {
                let locale = c.locale.get();
                view! {
                    <section class="card" aria-live="polite" id="preview">
                        <h2>{Msg::PreviewTitle.text(locale)}</h2>
                        {if rows.is_empty() {
                            view! { <p class="empty">{Msg::NobodyOnLadder.text(locale)}</p> }.into_any()
                        } else {
                            view! { <table class="list"><thead><tr>
                                <th scope="col">{Msg::ColPerson.text(locale)}</th><th scope="col">{Msg::StepLabel.text(locale)}</th><th scope="col">{Msg::ColReadiness.text(locale)}</th>
                            </tr></thead><tbody>{rows.into_iter().map(|(p, s, w)| view! { <tr><td>{p}</td><td>{s}</td><td>{w}</td></tr> }).collect_view()}</tbody></table> }.into_any()
                        }}
                    </section>
                }
            }))}
        </section>
    }
}

fn plain_input(id: &'static str, label: Msg, value: RwSignal<String>, errors: RwSignal<Errors>, field: Field) -> impl IntoView {
    let c = use_ctx();
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input id=id type="text" bind:value=value aria-describedby=format!("{id}-error") aria-invalid=move || errors.with(|e| e.get(field).is_some()).to_string() />
            <p class="error" id=format!("{id}-error")>{dynamic(move || errors.with(|e| e.get(field)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
        </div>
    }
}

fn plain_area(id: &'static str, label: Msg, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <textarea id=id rows="2" bind:value=value></textarea>
        </div>
    }
}

/// One step's editor: texts, grade, what may follow, and what it requires.
fn step_view(ed: Editor, steps: RwSignal<Vec<StepUi>>, step: StepUi) -> impl IntoView {
    let c = use_ctx();
    let key = step.key;
    let index = Memo::new(move |_| steps.with(|v| v.iter().position(|s| s.key == key).unwrap_or(0)));
    let field_error = move |field: Field| move || ed.errors.with(|e| e.get(field)).map(|p| i18n::problem(c.locale.get(), p));
    let i8 = move || index.get().min(255) as u8;
    let moves = move |delta: i32| {
        steps.update(|v| {
            let i = index.get_untracked() as i32;
            let j = i + delta;
            if j >= 0 && (j as usize) < v.len() {
                v.swap(i as usize, j as usize);
            }
        })
    };
    let grade_options = move || {
        let locale = c.locale.get();
        ed.snapshot.with(|s| match s {
            Some(Ok(snap)) => crate::domain::ladders::pay::in_pay_order(&snap.grades).into_iter().map(|g| (g.id.clone(), if g.example { format!("{} ({})", g.name.get(locale), Msg::Example.text(locale)) } else { g.name.get(locale).to_owned() })).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    let others = move || {
        let locale = c.locale.get();
        steps.with(|v| v.iter().filter(|s| s.key != key).map(|s| (s.id.get_value(), if locale == Locale::En { s.title_en.get() } else { s.title_es.get() })).collect::<Vec<_>>())
    };
    view! {
        <li class="card step-editor">
            <h3>{dynamic(move || format!("{} {}", c.t(Msg::StepLabel), index.get() + 1))}</h3>
            <div class="row">
                <span class="inline-field">
                    <label for=format!("step-{key}-title-en")>{tr(Msg::TitleEnLabel)}</label>
                    <input id=format!("step-{key}-title-en") type="text" bind:value=step.title_en />
                    <span class="error">{dynamic(move || field_error(Field::StepTitleEn(i8()))())}</span>
                </span>
                <span class="inline-field">
                    <label for=format!("step-{key}-title-es")>{tr(Msg::TitleEsLabel)}</label>
                    <input id=format!("step-{key}-title-es") type="text" bind:value=step.title_es />
                    <span class="error">{dynamic(move || field_error(Field::StepTitleEs(i8()))())}</span>
                </span>
            </div>
            <details>
                <summary>{tr(Msg::DescriptionAndDuties)}</summary>
                <div class="row">
                    <span class="inline-field"><label for=format!("step-{key}-desc-en")>{tr(Msg::DescriptionEnLabel)}</label><textarea id=format!("step-{key}-desc-en") rows="2" bind:value=step.description_en></textarea></span>
                    <span class="inline-field"><label for=format!("step-{key}-desc-es")>{tr(Msg::DescriptionEsLabel)}</label><textarea id=format!("step-{key}-desc-es") rows="2" bind:value=step.description_es></textarea></span>
                </div>
                <div class="row">
                    <span class="inline-field"><label for=format!("step-{key}-duties-en")>{tr(Msg::DutiesEnLabel)}</label><textarea id=format!("step-{key}-duties-en") rows="2" bind:value=step.duties_en></textarea></span>
                    <span class="inline-field"><label for=format!("step-{key}-duties-es")>{tr(Msg::DutiesEsLabel)}</label><textarea id=format!("step-{key}-duties-es") rows="2" bind:value=step.duties_es></textarea></span>
                </div>
            </details>
            {dynamic(move || select_input(format!("step-{key}-grade"), c.t(Msg::GradeLabel).to_owned(), step.grade, grade_options(), Some(c.t(Msg::NoGrade).to_owned())))}
            <fieldset class="checks compact">
                <legend>{tr(Msg::NextStepsLabel)}</legend>
                {dynamic(move || others().into_iter().map(|(sid, title)| {
                    let sid2 = sid.clone();
                    let on = move || step.next.with(|v| v.contains(&sid2));
                    let toggle = move |_| step.next.update(|v| if let Some(i) = v.iter().position(|x| *x == sid) { v.remove(i); } else { v.push(sid.clone()); });
                    view! { <label class="check"><input type="checkbox" prop:checked=on on:change=toggle />{title}</label> }
                }).collect_view())}
                <span class="error">{dynamic(move || field_error(Field::StepNext(i8()))())}</span>
            </fieldset>
            <h4>{tr(Msg::RequiresLabel)}</h4>
            {node_view(ed, step.rule, 0)}
            <p class="actions">
                <button type="button" on:click=move |_| moves(-1) aria-label=move || format!("{}: {} {}", c.t(Msg::MoveUp), c.t(Msg::StepLabel), index.get() + 1)>{tr(Msg::MoveUp)}</button>
                <button type="button" on:click=move |_| moves(1) aria-label=move || format!("{}: {} {}", c.t(Msg::MoveDown), c.t(Msg::StepLabel), index.get() + 1)>{tr(Msg::MoveDown)}</button>
                <button type="button" on:click=move |_| steps.update(|v| v.retain(|s| s.key != key)) aria-label=move || format!("{}: {} {}", c.t(Msg::RemoveStep), c.t(Msg::StepLabel), index.get() + 1)>{tr(Msg::RemoveStep)}</button>
            </p>
        </li>
    }
}
