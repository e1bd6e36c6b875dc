//! What this tab has read, kept between page visits and updated by each write, so a save at
//! 150,000 records shows its result without reading everything again.
//!
//! Each list is shared (`Rc`): pages hold the same data the cache does, and a write replaces
//! one person's document (copy on write) rather than copying everyone's. Another tab's write
//! clears it all (`Db::forget`).

use crate::domain::curricula::plan::PlanRecord;
use crate::domain::ladders::board::PromotionPlan;
use crate::domain::ladders::ladder::Ladder;
use crate::domain::ladders::pay::{PayGrade, PayPolicy, WageFloor};
use crate::domain::person::Person;
use crate::domain::person_records::PersonRecords;
use crate::domain::requirement::Requirement;
use crate::domain::settings::Settings;
use crate::domain::training::TrainingType;
use std::collections::HashMap;
use std::rc::Rc;

pub type Files = Rc<HashMap<String, Rc<PersonRecords>>>;

#[derive(Default)]
pub struct Cache {
    /// Bumped by every write. A read that started before a write finished may have missed it,
    /// so it is only kept if no write happened meanwhile.
    pub generation: u64,
    pub settings: Option<Settings>,
    pub people: Option<Rc<Vec<Person>>>,
    /// People's documents read so far; `all_files` once every one has been.
    pub files: Files,
    pub all_files: bool,
    pub training_types: Option<Rc<Vec<TrainingType>>>,
    pub requirements: Option<Rc<Vec<Requirement>>>,
    pub ladders: Option<Rc<Vec<Ladder>>>,
    pub grades: Option<Rc<Vec<PayGrade>>>,
    pub floors: Option<Rc<Vec<WageFloor>>>,
    pub plans: Option<Rc<Vec<PromotionPlan>>>,
    pub policy: Option<PayPolicy>,
    /// A trainer's records (`domain::curricula::plan`).
    pub training: Option<Rc<Vec<PlanRecord>>>,
}

impl Cache {
    pub fn clear(&mut self) {
        *self = Cache { generation: self.generation + 1, ..Cache::default() };
    }

    pub fn put_person(&mut self, person: &Person) {
        self.generation += 1;
        if let Some(people) = &mut self.people {
            let people = Rc::make_mut(people);
            match people.iter_mut().find(|p| p.id == person.id) {
                Some(slot) => *slot = person.clone(),
                None => people.push(person.clone()),
            }
        }
    }

    pub fn put_file(&mut self, file: PersonRecords) {
        self.generation += 1;
        Rc::make_mut(&mut self.files).insert(file.person_id.clone(), Rc::new(file));
    }
}
