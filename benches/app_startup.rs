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

/// Milliseconds since the Unix epoch: the clock a page's `performance.timeOrigin` is on.
fn epoch_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("the clock is past 1970").as_secs_f64() * 1000.0
}

/// When the page marked `mark` (two frames after its element was in the DOM), in milliseconds
/// after `launched` (epoch milliseconds): the page's own clock, which WebDriver's round trips and
/// whatever the page does next cannot delay.
fn painted(window: &App, mark: &str, launched: f64) -> f64 {
    let script = format!("const m = performance.getEntriesByName('{mark}')[0]; return m ? performance.timeOrigin + m.startTime : null;");
    let at = (0..200).find_map(|_| {
        window.execute(&script).as_f64().or_else(|| {
            std::thread::sleep(std::time::Duration::from_millis(10));
            None
        })
    });
    at.unwrap_or_else(|| panic!("the page never marked {mark}")) - launched
}

/// One launch's times, in milliseconds after it.
#[derive(Clone, Copy)]
struct Launch {
    /// WebDriver found the element in the DOM.
    in_dom: f64,
    /// WebDriver saw two frames pass after that.
    two_frames: f64,
    /// The page marked two frames after rendering the element, on its own clock.
    painted: f64,
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

    // Each launch, timed three ways: until WebDriver finds the element in the DOM; until two
    // frames after that, asked through WebDriver; and until the page itself marked two frames
    // after rendering it, on its own clock. The last is the goal's: Lifeboat starts loading its
    // money figures once the table is painted, and WebDriver's frames wait behind that work,
    // while the bare page has no next work to wait behind.
    let (mut bare, mut lifeboat) = (Vec::new(), Vec::new());
    let mut last = None;
    for launch in 1..=LAUNCHES {
        let (started, launched) = (Instant::now(), epoch_ms());
        let window = App::run(Path::new(&bare_binary), &[], &[]);
        window.find_promptly("[data-answered]");
        let answered = ms(started);
        window.wait_for_paint();
        bare.push(Launch { in_dom: answered, two_frames: ms(started), painted: painted(&window, "painted", launched) });
        drop(window);

        let (started, launched) = (Instant::now(), epoch_ms());
        let app = App::launch_without_settling(&db, &today);
        let session = ms(started);
        app.find_promptly("[data-testid=\"register-table\"] tbody tr[data-provider-name]");
        let found = ms(started);
        app.wait_for_paint();
        lifeboat.push(Launch { in_dom: found, two_frames: ms(started), painted: painted(&app, "register-painted", launched) });
        let (b, l) = (bare[launch - 1], lifeboat[launch - 1]);
        println!(
            "launch {launch}: bare window's answer in the DOM {:.0} ms, two frames later {:.0} ms, painted (page clock) {:.0} ms; Lifeboat session {session:.0} ms, {providers}-provider table in the DOM {:.0} ms, two frames later {:.0} ms, painted (page clock) {:.0} ms",
            b.in_dom, b.two_frames, b.painted, l.in_dom, l.two_frames, l.painted
        );
        // One app at a time (it is single-instance); the last stays open for the steps below.
        if launch == LAUNCHES {
            last = Some(app);
        }
    }
    let report = |what: &str, pick: fn(&Launch) -> f64| {
        let of = |times: &[Launch]| median(times.iter().map(pick).collect());
        let (bare, lifeboat) = (of(&bare), of(&lifeboat));
        println!(
            "start-up, {what}, medians of {LAUNCHES}: Lifeboat's table {lifeboat:.0} ms / bare window's first answer {bare:.0} ms = {:.2}× (goal ≤ 1.5×, painted)",
            lifeboat / bare
        );
    };
    report("in the DOM (WebDriver)", |t| t.in_dom);
    report("two frames later (WebDriver)", |t| t.two_frames);
    report("painted, on the page's own clock (the goal's)", |t| t.painted);

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
