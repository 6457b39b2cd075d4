//! The real binary in a real window, under a virtual X display (Xvfb).
//!
//! `tests/run-all.sh` installs Xvfb and xdotool. Where they are missing the test says so and
//! passes, except in CI, where it fails.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the process when dropped, so a failed assertion leaves nothing running.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One virtual display at a time: two tests racing for the same display number would fail.
static XVFB_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn start_xvfb() -> Option<(KillOnDrop, String, std::sync::MutexGuard<'static, ()>)> {
    let guard = XVFB_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !(have("Xvfb") && have("xdotool")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "Xvfb and xdotool are needed in CI"
        );
        eprintln!("skipped: Xvfb or xdotool is not installed (tests/run-all.sh installs them)");
        return None;
    }
    let first = 200 + std::process::id() % 40;
    let display_number = (first..first + 60).find(|n| {
        !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
    })?;
    let display = format!(":{display_number}");
    // -noreset: by default the server resets when its last client leaves, and a client that
    // connects during the reset is refused; the xdotool polls below would race the app.
    let xvfb = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-noreset",
            "-screen",
            "0",
            "1600x1000x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let socket = format!("/tmp/.X11-unix/X{display_number}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !Path::new(&socket).exists() {
        assert!(Instant::now() < deadline, "Xvfb did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    // The socket appears a little before the server answers: wait for an answer.
    while !Command::new("xdotool")
        .arg("getdisplaygeometry")
        .env("DISPLAY", &display)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(Instant::now() < deadline, "Xvfb does not answer");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some((KillOnDrop(xvfb), display, guard))
}

/// Waits for a window whose title contains `title`.
fn wait_for_window(display: &str, title: &str, app: &mut KillOnDrop) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = app.0.try_wait() {
            let mut stderr = String::new();
            if let Some(mut pipe) = app.0.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
            }
            panic!("the app exited early with {status}: {stderr}");
        }
        // xdotool's own search does not match non-ASCII titles, so compare the names here.
        let names = Command::new("xdotool")
            .args([
                "search",
                "--name",
                "Cooperation Timeline Explorer",
                "getwindowname",
                "%@",
            ])
            .env("DISPLAY", display)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        if names.lines().any(|name| name.contains(title)) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    false
}

#[test]
fn the_window_opens_on_a_folder_from_the_command_line() {
    let Some((_xvfb, display, _guard)) = start_xvfb() else {
        return;
    };
    let home = tempfile::tempdir().expect("temp home");
    let runtime = tempfile::tempdir().expect("temp runtime dir");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut app = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_coop-timeline"))
            .arg(&folder)
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path())
            .env("XDG_RUNTIME_DIR", runtime.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the app starts"),
    );
    // The title names the folder and its event count once the folder has loaded.
    let title = "bad — 6 events";
    assert!(
        wait_for_window(&display, title, &mut app),
        "no window titled '{title}'"
    );
}

#[test]
fn screenshot_saves_the_chart_and_exits() {
    let Some((_xvfb, display, _guard)) = start_xvfb() else {
        return;
    };
    let home = tempfile::tempdir().expect("temp home");
    let out = home.path().join("chart.png");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_coop-timeline"))
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data"))
            .arg("--screenshot")
            .arg(&out)
            .args([
                "--size",
                "1600x900",
                "--from",
                "2019",
                "--to",
                "2024",
                "--select",
                "cj-univ-st-innovation-forum-2022",
            ])
            .args(extra)
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path())
            .env("XDG_RUNTIME_DIR", home.path())
            .output()
            .expect("the app runs")
    };
    let output = run(&[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let image = image::open(&out).expect("a PNG").to_rgba8();
    // --size is the size of the image saved.
    assert_eq!(image.dimensions(), (1600, 900));
    // Colleagues can open it: the mode of a normally created file, not a private one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&out)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777;
        assert_ne!(mode & 0o044, 0, "mode {mode:o}: others cannot read it");
    }
    let colours: std::collections::HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(
        colours.len() > 100,
        "only {} colours: is it blank?",
        colours.len()
    );
    // Forum markers are orange (255, 127, 14).
    let orange = image
        .pixels()
        .filter(|p| p.0[0] > 240 && (115..140).contains(&p.0[1]) && p.0[2] < 40)
        .count();
    assert!(orange > 50, "{orange} orange pixels: no forum markers?");

    // A second run does not replace the file unless asked to.
    let before = std::fs::read(&out).expect("read");
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--overwrite"));
    assert_eq!(std::fs::read(&out).expect("read"), before);
    assert!(run(&["--overwrite"]).status.success());
}

#[test]
fn screenshot_flags_that_cannot_work_are_usage_errors() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_coop-timeline"))
            .args(["--screenshot", "/nonexistent/never-written.png"])
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("the app runs")
    };
    for (args, says) in [
        (&["--size", "400x300"][..], None),
        (
            &["--size", "300x200"][..],
            Some("too small for a readable chart"),
        ),
        (&["--size", "big"][..], Some("is not a size like 1600x900")),
        (
            &["--from", "2030", "--to", "2020"][..],
            Some("--from 2030 is after --to 2020"),
        ),
    ] {
        let output = run(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        match says {
            // Valid flags get past the checks, to fail only for the missing display.
            None => assert_ne!(output.status.code(), Some(2), "{args:?}: {stderr}"),
            Some(message) => {
                assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
                assert!(stderr.contains(message), "{args:?}: {stderr}");
            }
        }
    }
}
