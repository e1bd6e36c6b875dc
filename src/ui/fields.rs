//! Form fields with a label, an optional hint, and an inline translated error tied to the
//! input by `aria-describedby`. Forms use `novalidate`: messages come from the domain's
//! validation in the interface language, not from the browser.

use super::browser;
use super::ctx::{dynamic, use_ctx, tr};
use crate::domain::form::{Errors, Field};
use crate::i18n::{self, Msg};
use leptos::prelude::*;

/// Options of a `<select>` as (value, label) pairs, relabelled when the language changes.
pub type Options = Signal<Vec<(String, String)>>;

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint { format!("{id}-hint {id}-error") } else { format!("{id}-error") }
}

#[component]
fn Label(id: &'static str, label: Msg, optional: bool) -> impl IntoView {
    view! {
        <label for=id>
            {tr(label)}
            {optional.then(|| view! { <span class="optional">" (" {tr(Msg::Optional)} ")"</span> })}
        </label>
    }
}

#[component]
fn FieldError(id: &'static str, errors: RwSignal<Errors>, field: Field) -> impl IntoView {
    let c = use_ctx();
    view! {
        <p class="error" id=format!("{id}-error")>
            {dynamic(move || errors.with(|e| e.get(field)).map(|p| i18n::problem(c.locale.get(), p)))}
        </p>
    }
}

#[component]
pub fn Input(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    errors: RwSignal<Errors>,
    field: Field,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] optional: bool,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let invalid = move || errors.with(|e| e.get(field).is_some());
    view! {
        <div class="field" class:invalid=invalid>
            <Label id label optional />
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{tr(h)}</p> })}
            <input
                id=id
                name=id
                type=kind
                bind:value=value
                inputmode=inputmode
                autocomplete=autocomplete
                aria-required=(!optional).then_some("true")
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by(id, hint.is_some())
            />
            <FieldError id errors field />
        </div>
    }
}

#[component]
pub fn TextArea(id: &'static str, label: Msg, value: RwSignal<String>, errors: RwSignal<Errors>, field: Field) -> impl IntoView {
    let invalid = move || errors.with(|e| e.get(field).is_some());
    view! {
        <div class="field" class:invalid=invalid>
            <Label id label optional=true />
            <textarea
                id=id
                name=id
                rows="3"
                bind:value=value
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by(id, false)
            ></textarea>
            <FieldError id errors field />
        </div>
    }
}

/// A `<select>` whose value is a code string. Pass `errors`/`field` when it can be invalid.
#[component]
pub fn Select(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    options: Options,
    #[prop(optional)] placeholder: Option<Msg>,
    #[prop(optional)] errors: Option<RwSignal<Errors>>,
    #[prop(optional)] field: Option<Field>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let errors = errors.unwrap_or_else(|| RwSignal::new(Errors::default()));
    let field = field.unwrap_or(Field::Notes);
    let invalid = move || errors.with(|e| e.get(field).is_some());
    // The shown choice follows `value` also after the user has picked one (the `selected`
    // attribute alone then no longer moves it: back/forward restoring a filter), and after
    // the options are redrawn (a language switch). An effect runs once they are rendered.
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        options.track();
        let v = value.get();
        if let Some(el) = select.get() {
            el.set_value(&v);
        }
    });
    view! {
        <div class="field" class:invalid=invalid>
            <Label id label optional />
            <select
                id=id
                name=id
                node_ref=select
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by(id, false)
            >
                {placeholder.map(|p| view! {
                    <option value="" selected=move || value.with(String::is_empty)>{tr(p)}</option>
                })}
                {dynamic(move || options.get().into_iter().map(|(code, text)| {
                    let selected = { let code = code.clone(); move || value.with(|v| *v == code) };
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view())}
            </select>
            <FieldError id errors field />
        </div>
    }
}

/// The error summary at the top of a form: announced, and says nothing was saved.
#[component]
pub fn ErrorSummary(errors: RwSignal<Errors>, #[prop(optional)] failed: Option<RwSignal<bool>>) -> impl IntoView {
    let c = use_ctx();
    let failed = failed.unwrap_or_else(|| RwSignal::new(false));
    view! {
        <div role="alert" class="alert-slot">
            {dynamic(move || (!errors.with(Errors::is_empty)).then(|| view! {
                <p class="alert alert-error" id="form-errors" tabindex="-1">{c.t(Msg::FixErrors)}</p>
            }))}
            {dynamic(move || failed.get().then(|| view! { <p class="alert alert-error">{c.t(Msg::SaveFailed)}</p> }))}
        </div>
    }
}

/// Puts a draft's validation on the form: on failure every problem shows inline and focus
/// moves to the summary (nothing is saved); on success old messages clear.
pub fn checked<T>(result: Result<T, Errors>, errors: RwSignal<Errors>) -> Option<T> {
    match result {
        Ok(value) => {
            errors.set(Errors::default());
            Some(value)
        }
        Err(problems) => {
            errors.set(problems);
            browser::focus_after_render("form-errors");
            None
        }
    }
}

/// Checkboxes over codes: a box is on while its code is in `selected`, and toggling it adds
/// or removes the code. `options` relabel when the language changes.
pub fn check_list(options: Options, selected: RwSignal<Vec<String>>) -> impl IntoView {
    dynamic(move || {
        options
            .get()
            .into_iter()
            .map(|(code, label)| {
                let code2 = code.clone();
                let on = move || selected.with(|v| v.contains(&code2));
                let toggle = move |_| selected.update(|v| {
                    if let Some(i) = v.iter().position(|x| *x == code) { v.remove(i); } else { v.push(code.clone()); }
                });
                view! { <label class="check"><input type="checkbox" prop:checked=on on:change=toggle />{label}</label> }
            })
            .collect_view()
    })
}

/// The two questions an edit of a dated rule asks (from which day, who changed it), shown
/// only when editing an existing record. `ids` are the two inputs' ids.
#[allow(clippy::too_many_arguments)]
pub fn change_fields(
    editing: Signal<bool>,
    legend: Msg,
    hint: Msg,
    from_label: Msg,
    ids: (&'static str, &'static str),
    change_from: RwSignal<String>,
    changed_by: RwSignal<String>,
    errors: RwSignal<Errors>,
) -> impl IntoView {
    view! {
        <Show when=move || editing.get()>
            <fieldset class="rule-change">
                <legend>{tr(legend)}</legend>
                <p class="hint">{tr(hint)}</p>
                <Input id=ids.0 label=from_label value=change_from errors field=Field::ChangeFrom kind="date" />
                <Input id=ids.1 label=Msg::LabelChangedBy value=changed_by errors field=Field::ChangedBy autocomplete="name" />
            </fieldset>
        </Show>
    }
}

/// A save refused because the record changed elsewhere after the form opened (another tab, a
/// sync pass): says so, shows what differs between the form and the record as saved now, and
/// lets the person keep theirs (save it over what is there now) or take the saved version
/// into the form. `mine` and `theirs` are the two versions as JSON.
#[component]
// The two actions are callbacks, not generic closures: one copy of this view for every form.
pub fn ChangedElsewhere(mine: String, theirs: String, keep_mine: UnsyncCallback<()>, take_theirs: UnsyncCallback<()>) -> impl IntoView {
    let c = use_ctx();
    let differences = crate::sync::local::differences(&mine, &theirs);
    // Words follow the language if it is switched while the choice is open.
    let rows = move || {
        let locale = c.locale.get();
        // An empty side says so: on a phone an empty cell would vanish from its card.
        let value = move |v: &str| if v.trim().is_empty() { Msg::NotSaid.text(locale).to_owned() } else { v.to_owned() };
        differences
            .iter()
            .map(|d| view! {
                <tr>
                    <th scope="row">{crate::i18n::sync::field(locale, &d.field)}</th>
                    <td data-label=Msg::ChangedMine.text(locale)>{value(&d.shown)}</td>
                    <td data-label=Msg::ChangedTheirs.text(locale)>{value(&d.other)}</td>
                </tr>
            })
            .collect_view()
    };
    browser::focus_after_render("changed-elsewhere");
    view! {
        <div class="alert alert-warning" id="changed-elsewhere" tabindex="-1" role="alert">
            <h2>{tr(Msg::ChangedElsewhereTitle)}</h2>
            <p>{tr(Msg::ChangedElsewhereBody)}</p>
            <div class="table-wrap">
                <table class="list conflict">
                    <thead><tr><th scope="col">{tr(Msg::SyncField)}</th><th scope="col">{tr(Msg::ChangedMine)}</th><th scope="col">{tr(Msg::ChangedTheirs)}</th></tr></thead>
                    <tbody>{dynamic(rows)}</tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" id="keep-mine" on:click=move |_| keep_mine.run(())>{tr(Msg::KeepMine)}</button>
                <button type="button" id="take-theirs" on:click=move |_| take_theirs.run(())>{tr(Msg::TakeTheirs)}</button>
            </div>
        </div>
    }
}

/// "Save mine over it" on a form refused by `ChangedElsewhere`: the version saved now becomes
/// what the form saves over, and the form submits again (checked as any submit is).
pub fn save_mine_over<T: serde::de::DeserializeOwned + Send + Sync + 'static>(original: RwSignal<Option<T>>, conflict: RwSignal<Option<(String, String)>>, form: NodeRef<leptos::html::Form>) {
    let theirs = conflict.with_untracked(|c| c.as_ref().and_then(|(_, t)| serde_json::from_str::<T>(t).ok()));
    original.set(theirs);
    conflict.set(None);
    if let Some(f) = form.get_untracked() {
        let _ = f.request_submit();
    }
}
