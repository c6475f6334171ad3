//! How fast the real window is usable with a 1,000-provider register, against a bare Tauri window
//! (`benches/bare_window`): time from launch until the register table shows, beside the time
//! until the bare window's page shows the answer to its first command; then how long sorting,
//! filtering and searching take in the UI. Both are launched the same way (tauri-driver, then
//! waiting for an element), in turns, so the machine's load falls on both alike.
//! Run by `make bench` (under Xvfb, like the end-to-end tests); figures go in
//! docs/PERFORMANCE.md.

#[path = "../tests/e2e/webdriver.rs"]
mod webdriver;

use std::path::Path;
use std::time::Instant;

use webdriver::App;

/// Launches of each, in turns; medians are quoted.
const LAUNCHES: usize = 5;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("large.lifeboat");
    let app_binary = std::env::var("LIFEBOAT_E2E_APP").expect("run through `make bench`");
    let bare_binary = std::env::var("LIFEBOAT_BARE_APP").expect("run through `make bench`");
    let providers: usize = std::env::var("LIFEBOAT_BENCH_PROVIDERS").ok().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let made = std::process::Command::new(&app_binary)
        .args(["init", "--synthetic", &providers.to_string(), "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let today = chrono::Local::now().date_naive().to_string();

    // Each launch: until the element is in the DOM, then until two frames later, when it is on
    // screen.
    let (mut bare, mut lifeboat) = (Vec::new(), Vec::new());
    let mut last = None;
    for launch in 1..=LAUNCHES {
        let started = Instant::now();
        let window = App::run(Path::new(&bare_binary), &[], &[]);
        window.find_promptly("[data-answered]");
        let answered = ms(started);
        window.wait_for_paint();
        bare.push((answered, ms(started)));
        drop(window);

        let started = Instant::now();
        let app = App::launch_without_settling(&db, &today);
        let session = ms(started);
        app.find_promptly("[data-testid=\"register-table\"] tbody tr[data-provider-name]");
        let found = ms(started);
        app.wait_for_paint();
        lifeboat.push((found, ms(started)));
        println!(
            "launch {launch}: bare window's answer in the DOM {answered:.0} ms, on screen {:.0} ms; Lifeboat session {session:.0} ms, {providers}-provider table in the DOM {found:.0} ms, on screen {:.0} ms",
            bare[launch - 1].1,
            lifeboat[launch - 1].1
        );
        // One app at a time (it is single-instance); the last stays open for the steps below.
        if launch == LAUNCHES {
            last = Some(app);
        }
    }
    for (what, pick) in [("in the DOM", 0), ("on screen", 1)] {
        let of = |times: &[(f64, f64)]| median(times.iter().map(|t| if pick == 0 { t.0 } else { t.1 }).collect());
        let (bare, lifeboat) = (of(&bare), of(&lifeboat));
        println!(
            "start-up, {what}, medians of {LAUNCHES}: Lifeboat's table {lifeboat:.0} ms / bare window's first answer {bare:.0} ms = {:.2}× (goal ≤ 1.5×, on screen)",
            lifeboat / bare
        );
    }

    let app = last.expect("launched");
    // The page's own clock from the start of its navigation: where the time between the
    // WebDriver session and the table goes.
    let steps = app.execute(
        "const n = performance.getEntriesByType('navigation')[0] || {}; \
         const mark = (m) => (performance.getEntriesByName(m)[0] || {}).startTime; \
         return [['page loaded', n.responseEnd], ['script run, DOM ready', n.domContentLoadedEventEnd], \
                 ['register info', mark('register-info')], ['register rows', mark('register-rows')], ['table in the DOM', mark('register-rendered')], \
                 ['table painted', mark('register-painted')], ['table found', performance.now()]];",
    );
    for step in steps.as_array().into_iter().flatten() {
        println!("  page: {:<22} {:>6.0} ms after navigation start", step[0].as_str().unwrap_or("?"), step[1].as_f64().unwrap_or(f64::NAN));
    }

    let timed = |label: &str, act: &dyn Fn(), done: &dyn Fn()| {
        let t = Instant::now();
        act();
        done();
        println!("{label}: {:.0} ms (round trip through WebDriver included)", ms(t));
    };
    timed("sort by name", &|| app.find("[data-testid=\"register-table\"] th:first-child button").click(), &|| {
        app.find("tr[data-provider-name=\"Provider 00000\"]");
    });
    timed("search \"Provider 00420\"", &|| app.find("[data-testid=\"search\"]").replace_text("Provider 00420"), &|| {
        app.wait_count("[data-testid=\"register-table\"] tbody tr[data-provider-name]", 1);
    });
    timed("clear search", &|| app.find("[data-testid=\"search\"]").replace_text(""), &|| {
        app.find("tr[data-provider-name=\"Provider 00001\"]");
    });
}
