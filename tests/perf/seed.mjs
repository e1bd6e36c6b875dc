// The benchmarks' data: PEOPLE people × PER_PERSON completions written as release 3 stored them
// (the app upgrades them on its first visit), in plain IndexedDB calls on the app's origin.
// Release 3's layout (src/store/schema.rs steps 1–3), filled with people × completions: what a
// browser that ran release 3 holds when it first opens this release.
export async function seedRelease3(page, { people, perPerson }) {
  await page.evaluate(async ({ people, perPerson }) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('escalera', 3);
      r.onupgradeneeded = () => {
        const d = r.result;
        for (const s of ['settings', 'people', 'completions', 'training_types', 'requirements', 'work_hours', 'waivers']) d.createObjectStore(s, { keyPath: 'id' });
        const c = r.transaction.objectStore('completions');
        c.createIndex('person_id', 'person_id');
        c.createIndex('training_id', 'training_id');
        r.transaction.objectStore('work_hours').createIndex('person_id', 'person_id');
        r.transaction.objectStore('waivers').createIndex('person_id', 'person_id');
      };
      r.onsuccess = () => ok(r.result);
      r.onerror = fail;
    });
    const first = ['María', 'José', 'Ana', 'Luis', 'Rosa', 'Carmen', 'Jesús', 'Guadalupe', 'Juan', 'Lucía', 'Minh', 'Thảo', 'Grace', 'Wei', 'Jamal', 'Keisha', 'Ji-woo', 'Nasrin'];
    const last = ['López', 'García', 'Hernández', 'Martínez', 'Nguyen', 'Santos', 'Kim', 'Johnson', 'Williams', 'Ramírez', 'Flores', 'Núñez', 'Chen', 'Reyes', 'Cruz', 'Díaz'];
    const types = ['chw', 'peer_support_specialist', 'behavioral_health_navigator', 'perinatal_doula', 'family_caregiver_coach', 'violence_prevention', 'other'];
    const trainings = ['builtin.cpr_first_aid', 'builtin.mhfa_adult', 'builtin.hipaa', 'builtin.law_ethics_ce', 'builtin.chw_annual_ce', 'builtin.peer_core_80h', 'builtin.peer_exam', 'builtin.motivational_interviewing'];
    const tx = db.transaction(['settings', 'people', 'completions'], 'readwrite');
    tx.objectStore('settings').put({ id: 'app', mode: { mode: 'organization' }, due_soon_days: 60 });
    for (let i = 0; i < people; i++) {
      const id = `bench${String(i).padStart(5, '0')}`;
      tx.objectStore('people').put({
        id, name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`,
        preferred_language: i % 3 ? 'spanish' : 'english', worker_type: types[i % types.length],
        organization: `Org ${i % 12}`, program: ['ECM', 'Crisis', 'Perinatal', 'Outreach'][i % 4],
        role_title: 'Community Health Worker', hire_date: null, email: `p${i}@example.org`, notes: '', archived: false,
      });
      for (let k = 0; k < perPerson; k++) {
        const day = (i * 31 + k * 97) % 2900;
        const date = new Date(Date.UTC(2019, 0, 1) + day * 86400000).toISOString().slice(0, 10);
        const training = trainings[(i + k) % trainings.length];
        tx.objectStore('completions').put({
          id: `c${i}_${k}`, person_id: id, training_id: training, completed_on: date,
          hours: 1 + (k % 6), provider: '', certificate_number: '', ce_category: training === 'builtin.law_ethics_ce' ? 'law_ethics' : null,
          notes: '', removed: false,
        });
      }
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = fail; });
    db.close();
  }, { people, perPerson });
}
