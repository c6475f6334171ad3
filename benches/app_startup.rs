//! How fast the real window is usable with a 1,000-provider register: time from launch until
//! the register table shows, and how long sorting, filtering and searching take in the UI.
//! Run by `make bench` (under Xvfb, like the end-to-end tests); figures go in
//! docs/PERFORMANCE.md.

#[path = "../tests/e2e/webdriver.rs"]
mod webdriver;

use std::time::Instant;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("large.lifeboat");
    let app_binary = std::env::var("LIFEBOAT_E2E_APP").expect("run through `make bench`");
    let providers: usize = std::env::var("LIFEBOAT_BENCH_PROVIDERS").ok().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let made = std::process::Command::new(&app_binary)
        .args(["init", "--synthetic", &providers.to_string(), "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));

    let today = chrono::Local::now().date_naive().to_string();
    let started = Instant::now();
    let app = webdriver::App::launch_without_settling(&db, &today);
    println!("launch → WebDriver session (process and webview up): {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
    app.find("[data-testid=\"register-table\"] tbody tr[data-provider-name]");
    let interactive = started.elapsed();
    println!("launch → {providers}-provider register table on screen: {:.0} ms", interactive.as_secs_f64() * 1000.0);
    // The page's own clock from the start of its navigation: where the time between the
    // WebDriver session and the table goes.
    let steps = app.execute(
        "const n = performance.getEntriesByType('navigation')[0] || {}; \
         const mark = (m) => (performance.getEntriesByName(m)[0] || {}).startTime; \
         return [['page loaded', n.responseEnd], ['script run, DOM ready', n.domContentLoadedEventEnd], \
                 ['register info', mark('register-info')], ['register rows', mark('register-rows')], ['table in the DOM', mark('register-rendered')], \
                 ['table found', performance.now()]];",
    );
    for step in steps.as_array().into_iter().flatten() {
        println!("  page: {:<22} {:>6.0} ms after navigation start", step[0].as_str().unwrap_or("?"), step[1].as_f64().unwrap_or(f64::NAN));
    }

    let timed = |label: &str, act: &dyn Fn(), done: &dyn Fn()| {
        let t = Instant::now();
        act();
        done();
        println!("{label}: {:.0} ms (round trip through WebDriver included)", t.elapsed().as_secs_f64() * 1000.0);
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
