//! Just enough of the W3C WebDriver protocol to drive the app through tauri-driver.

// Shared by the end-to-end tests and the start-up benchmark, each of which uses part of it.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use base64::prelude::{Engine as _, BASE64_STANDARD};
use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
const PATIENCE: Duration = Duration::from_secs(20);

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running app under tauri-driver, with one WebDriver session; both end on drop.
pub struct App {
    driver: Child,
    /// The program the session runs, waited for on drop.
    binary: std::path::PathBuf,
    base: String,
    agent: ureq::Agent,
    shots: Option<std::path::PathBuf>,
}

pub struct Element<'a> {
    app: &'a App,
    id: String,
}

impl App {
    /// Starts the app on `db`, with the app's clock pinned to `today`.
    pub fn launch(db: &Path, today: &str) -> App {
        App::launch_with_env(db, today, &[])
    }

    /// Starts the app as `launch` does, with `env` set for it as well.
    pub fn launch_with_env(db: &Path, today: &str, env: &[(&str, &str)]) -> App {
        let app = App::start(db, today, env);
        // A fresh session drops the first commands now and then; let the window settle.
        sleep(Duration::from_secs(3));
        app
    }

    /// Starts the app and returns as soon as the WebDriver session exists (for timing).
    pub fn launch_without_settling(db: &Path, today: &str) -> App {
        App::start(db, today, &[])
    }

    fn start(db: &Path, today: &str, env: &[(&str, &str)]) -> App {
        let binary = std::env::var("LIFEBOAT_E2E_APP").expect("LIFEBOAT_E2E_APP names the app binary (tests/e2e/run.sh sets it)");
        let env: Vec<(&str, &str)> = [("LIFEBOAT_TODAY", today)].into_iter().chain(env.iter().copied()).collect();
        App::run(Path::new(&binary), &["--db", db.to_str().unwrap()], &env)
    }

    /// Starts `binary` with `args` and `env` under tauri-driver and returns as soon as the
    /// WebDriver session exists.
    pub fn run(binary: &Path, args: &[&str], env: &[(&str, &str)]) -> App {
        let (port, native_port) = (free_port(), free_port());
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            // tauri-driver starts WebKitWebDriver, which starts the app: both pass it on.
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver runs (cargo install tauri-driver --locked)");
        let agent: ureq::Agent =
            ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(60))).build().into();
        let mut app = App {
            driver,
            binary: binary.to_path_buf(),
            base: format!("http://127.0.0.1:{port}"),
            agent,
            shots: std::env::var_os("LIFEBOAT_E2E_SHOTS").map(Into::into),
        };
        let capabilities = json!({"capabilities": {"alwaysMatch": {"tauri:options": {
            "application": binary,
            "args": args,
        }}}});
        let started = Instant::now();
        let session = loop {
            match app.agent.post(&format!("{}/session", app.base)).send_json(&capabilities) {
                Ok(mut response) => {
                    let body: Value = response.body_mut().read_json().expect("session reply is JSON");
                    match body["value"]["sessionId"].as_str() {
                        Some(id) => break id.to_string(),
                        None => panic!("WebDriver refused the session: {body}"),
                    }
                }
                Err(_) if started.elapsed() < PATIENCE => sleep(Duration::from_millis(200)),
                Err(e) => panic!("tauri-driver did not answer: {e}"),
            }
        };
        app.base = format!("{}/session/{session}", app.base);
        app
    }

    fn call(&self, method: &str, path: &str, body: Value) -> Result<Value, String> {
        let url = format!("{}{path}", self.base);
        let response = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self.agent.post(&url).send_json(&body),
        };
        let mut response = response.map_err(|e| e.to_string())?;
        let ok = response.status().is_success();
        let reply: Value = response.body_mut().read_json().map_err(|e| e.to_string())?;
        if ok {
            Ok(reply["value"].clone())
        } else {
            Err(format!("{} {}", reply["value"]["error"], reply["value"]["message"]))
        }
    }

    /// Retries `attempt` until it succeeds or patience runs out.
    fn wait<T>(&self, what: &str, attempt: impl FnMut() -> Result<T, String>) -> T {
        self.wait_every(Duration::from_millis(150), what, attempt)
    }

    /// `wait`, trying again every `poll`.
    fn wait_every<T>(&self, poll: Duration, what: &str, mut attempt: impl FnMut() -> Result<T, String>) -> T {
        let started = Instant::now();
        loop {
            match attempt() {
                Ok(v) => return v,
                Err(e) if started.elapsed() > PATIENCE => {
                    let test = std::thread::current().name().unwrap_or("failure").replace("::", "-");
                    self.screenshot(&format!("failed-{test}"));
                    panic!("gave up waiting for {what}: {e}")
                }
                Err(_) => sleep(poll),
            }
        }
    }

    fn find_now(&self, css: &str) -> Result<Element<'_>, String> {
        let found = self.call("POST", "/element", json!({"using": "css selector", "value": css}))?;
        let id = found[ELEMENT_KEY].as_str().ok_or("no element id")?.to_string();
        Ok(Element { app: self, id })
    }

    /// Runs `script` in the page and returns what it returns.
    pub fn execute(&self, script: &str) -> Value {
        self.wait("a script", || self.call("POST", "/execute/sync", json!({"script": script, "args": []})))
    }

    /// Returns once the page has painted twice more: what is in the DOM now is on screen then.
    pub fn wait_for_paint(&self) {
        let script = "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.wait("two frames", || self.call("POST", "/execute/async", json!({"script": script, "args": []})));
    }

    /// The element matching `css`, once it exists.
    pub fn find(&self, css: &str) -> Element<'_> {
        self.wait(css, || self.find_now(css))
    }

    /// `find`, asking every few milliseconds: for timing how soon the element appears.
    pub fn find_promptly(&self, css: &str) -> Element<'_> {
        self.wait_every(Duration::from_millis(5), css, || self.find_now(css))
    }

    pub fn count(&self, css: &str) -> usize {
        self.call("POST", "/elements", json!({"using": "css selector", "value": css}))
            .map(|v| v.as_array().map(Vec::len).unwrap_or(0))
            .unwrap_or(0)
    }

    /// Waits until the element's text is `expected`.
    pub fn wait_text(&self, css: &str, expected: &str) {
        self.wait(&format!("{css} to read {expected:?}"), || {
            let text = self.find_now(css)?.text_now()?;
            if text.trim() == expected {
                Ok(())
            } else {
                Err(format!("reads {text:?}"))
            }
        });
    }

    /// Waits until the element's text satisfies `wanted` (described by `what`), and returns it.
    pub fn wait_text_where(&self, css: &str, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        self.wait(&format!("{css} to read {what}"), || {
            let text = self.find_now(css)?.text_now()?;
            if wanted(text.trim()) {
                Ok(text.trim().to_string())
            } else {
                Err(format!("reads {text:?}"))
            }
        })
    }

    pub fn wait_count(&self, css: &str, expected: usize) {
        self.wait(&format!("{expected} × {css}"), || {
            let n = self.count(css);
            if n == expected {
                Ok(())
            } else {
                Err(format!("found {n}"))
            }
        });
    }

    /// Picks `value` in the native select named `name`.
    pub fn select(&self, name: &str, value: &str) {
        self.find(&format!("select[name=\"{name}\"] option[value=\"{value}\"]")).click();
    }

    /// Replaces the text of the input named `name`.
    pub fn fill(&self, name: &str, text: &str) {
        self.find(&format!("[name=\"{name}\"]")).replace_text(text);
    }

    /// Saves a PNG of the window to $LIFEBOAT_E2E_SHOTS, for people to look at.
    pub fn screenshot(&self, name: &str) {
        let Some(dir) = &self.shots else { return };
        // WebKit paints a moment after the DOM changes; without the pause the picture can show
        // the page as it was one step earlier.
        sleep(Duration::from_millis(800));
        if let Ok(Value::String(png)) = self.call("GET", "/screenshot", Value::Null) {
            if let Ok(bytes) = BASE64_STANDARD.decode(png) {
                let _ = std::fs::write(dir.join(format!("{name}.png")), bytes);
            }
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.call("DELETE", "", Value::Null);
        // Ending the session closes the window, but the app takes a moment to exit; one
        // launched before it has gone finds the single-instance name still held on the D-Bus
        // session and fails to hand its arguments over (seen on a loaded machine).
        wait_for_exit(&self.binary);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Waits (twenty seconds at most) until no process runs `binary`: the tests run one at a time,
/// so any such process is the one just closed.
fn wait_for_exit(binary: &Path) {
    let Ok(binary) = std::fs::canonicalize(binary) else { return };
    let running = || {
        std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .any(|entry| std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == binary))
    };
    let started = Instant::now();
    while running() && started.elapsed() < Duration::from_secs(20) {
        sleep(Duration::from_millis(100));
    }
}

impl Element<'_> {
    fn path(&self, action: &str) -> String {
        format!("/element/{}/{action}", self.id)
    }

    pub fn click(&self) {
        // WebKit's driver refuses a click on an element half scrolled out of the page's scroll
        // area instead of scrolling it in; a person would scroll to it first, so the test does.
        let element = json!({ ELEMENT_KEY: self.id });
        let script = json!({"script": "arguments[0].scrollIntoView({block: 'nearest'})", "args": [element]});
        let _ = self.app.call("POST", "/execute/sync", script);
        self.app.wait("a click", || self.app.call("POST", &self.path("click"), json!({})));
    }

    /// Deletes the current text with keystrokes and types `text`, as a person would:
    /// WebDriver's own "clear" fires no `input` event, so the UI would not notice it.
    pub fn replace_text(&self, text: &str) {
        const END: char = '\u{E010}';
        const BACKSPACE: char = '\u{E003}';
        let length = self.value().chars().count();
        if length > 0 {
            self.type_text(&std::iter::once(END).chain(std::iter::repeat_n(BACKSPACE, length)).collect::<String>());
        }
        if !text.is_empty() {
            self.type_text(text);
        }
    }

    pub fn type_text(&self, text: &str) {
        self.app.wait("typing", || self.app.call("POST", &self.path("value"), json!({"text": text})));
    }

    fn text_now(&self) -> Result<String, String> {
        self.app.call("GET", &self.path("text"), Value::Null).map(|v| v.as_str().unwrap_or_default().to_string())
    }

    /// The element's text as the DOM holds it. WebKit's WebDriver reports the text of some
    /// clamped (overflow-hidden) boxes as empty though they are drawn; screenshots show them.
    pub fn text_content(&self) -> String {
        self.app
            .wait("the element's text", || self.app.call("GET", &self.path("property/textContent"), Value::Null))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The current value of a form field.
    pub fn value(&self) -> String {
        self.app
            .wait("a field value", || self.app.call("GET", &self.path("property/value"), Value::Null))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}
