//! A program in a pseudo-terminal, seen as a person sees it: `portable-pty` runs it, `vt100`
//! keeps the screen it draws, and the test types keys, waits for text, resizes, and kills.
//!
//! The master side is non-blocking, so the reading thread can let go of it on request: that is
//! how [`Pty::hang_up`] closes the terminal for real, as closing a window does.
//!
//! The emulated terminal answers the questions real terminals answer (primary device
//! attributes, cursor position, and the kitty keyboard query when asked to), so a program that
//! asks them starts at once instead of waiting for a timeout.
//!
//! ```ignore
//! let mut app = PtyCommand::hamyar().args(["--db", db]).size(100, 30).spawn();
//! app.wait_for_text("نشست", SHORT);
//! app.send_text("ی");
//! app.send(Key::CtrlS);
//! let screen = app.wait_for("the new number", |s| s.contains("۲/۱۱"), SHORT);
//! ```

use std::ffi::OsString;
use std::fmt;
use std::io::Write;
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub use super::keys::Key;
pub use super::screen::Screen;
use super::screen::Terminal;

/// How long to wait for something that should appear at once, with room for a loaded machine.
pub const SHORT: Duration = Duration::from_secs(10);

/// A program to run in a pseudo-terminal.
#[derive(Clone, Debug)]
pub struct PtyCommand {
    program: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, Option<OsString>)>,
    cols: u16,
    rows: u16,
    kitty: bool,
    home: Option<PathBuf>,
}

impl PtyCommand {
    /// Any program, at 80×24, with `TERM=xterm-256color`, no `NO_COLOR`, no `TMUX`.
    pub fn new(program: impl Into<PathBuf>) -> PtyCommand {
        PtyCommand {
            program: program.into(),
            args: Vec::new(),
            env: vec![
                ("TERM".into(), Some("xterm-256color".into())),
                ("LANG".into(), Some("C.UTF-8".into())),
                ("NO_COLOR".into(), None),
                ("TMUX".into(), None),
                ("HAMYAR_DB".into(), None),
                ("HAMYAR_TODAY".into(), None),
            ],
            cols: 80,
            rows: 24,
            kitty: false,
            home: None,
        }
    }

    /// The `hamyar` binary of this build.
    pub fn hamyar() -> PtyCommand {
        PtyCommand::new(env!("CARGO_BIN_EXE_hamyar"))
    }

    #[must_use]
    pub fn arg(mut self, arg: impl Into<OsString>) -> PtyCommand {
        self.args.push(arg.into());
        self
    }

    #[must_use]
    pub fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> PtyCommand {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    #[must_use]
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> PtyCommand {
        self.env.push((key.into(), Some(value.into())));
        self
    }

    #[must_use]
    pub fn env_remove(mut self, key: impl Into<OsString>) -> PtyCommand {
        self.env.push((key.into(), None));
        self
    }

    /// The terminal's size in columns and rows.
    #[must_use]
    pub fn size(mut self, cols: u16, rows: u16) -> PtyCommand {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Answer the kitty keyboard query as a terminal that supports the protocol.
    #[must_use]
    pub fn kitty_keyboard(mut self, on: bool) -> PtyCommand {
        self.kitty = on;
        self
    }

    /// `HOME`, the XDG directories and the working directory (default: a fresh temporary
    /// directory, so nothing of the user's is read or written).
    #[must_use]
    pub fn home(mut self, dir: impl Into<PathBuf>) -> PtyCommand {
        self.home = Some(dir.into());
        self
    }

    /// Starts the program. Panics (the test fails) if the pty cannot be made.
    pub fn spawn(self) -> Pty {
        let (home, tempdir) = match &self.home {
            Some(h) => (h.clone(), None),
            None => {
                let t = tempfile::tempdir().expect("a temporary home");
                (t.path().to_path_buf(), Some(t))
            }
        };
        let pair = native_pty_system()
            .openpty(pty_size(self.cols, self.rows))
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(&self.program);
        cmd.args(&self.args);
        cmd.cwd(&home);
        cmd.env("HOME", &home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        for (k, v) in &self.env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            }
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pair.slave);
        set_nonblocking(pair.master.as_raw_fd());
        let writer = Arc::new(Mutex::new(Some(
            pair.master.take_writer().expect("pty writer"),
        )));
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let hang_up = Arc::new(AtomicBool::new(false));
        let term = Arc::new((
            Mutex::new(Terminal::new(self.rows, self.cols, self.kitty)),
            Condvar::new(),
        ));
        let thread = spawn_reader(
            reader,
            Arc::clone(&term),
            Arc::clone(&writer),
            Arc::clone(&hang_up),
        );
        Pty {
            master: Some(pair.master),
            hang_up,
            writer,
            child,
            term,
            reader: Some(thread),
            exit: None,
            _home: tempdir,
        }
    }
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

type SharedWriter = Arc<Mutex<Option<Box<dyn Write + Send>>>>;

fn set_nonblocking(fd: Option<i32>) {
    use nix::fcntl::{FcntlArg, OFlag, fcntl};
    let fd = fd.expect("a unix pty has a file descriptor");
    let flags = OFlag::from_bits_truncate(fcntl(fd, FcntlArg::F_GETFL).expect("F_GETFL"));
    fcntl(fd, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK)).expect("F_SETFL");
}

/// Writes all of `bytes` to the non-blocking master, waiting while the program has not yet read
/// what is already in the pty's buffer.
fn write_all(w: &mut dyn Write, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        match w.write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Drains the pty into the emulated terminal until the program's side closes or a hang-up is
/// asked for, and answers the terminal's questions.
fn spawn_reader(
    mut reader: Box<dyn std::io::Read + Send>,
    term: Arc<(Mutex<Terminal>, Condvar)>,
    writer: SharedWriter,
    hang_up: Arc<AtomicBool>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match reader.read(&mut buf) {
                // EOF, or EIO on Linux once the program and its children are gone.
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if hang_up.load(Ordering::SeqCst) {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(2));
                    continue;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            let replies = {
                let (lock, cvar) = &*term;
                let mut t = lock.lock().unwrap();
                let replies = t.process(&buf[..n]);
                cvar.notify_all();
                replies
            };
            if let Some(w) = writer
                .lock()
                .unwrap()
                .as_mut()
                .filter(|_| !replies.is_empty())
            {
                let _ = write_all(w.as_mut(), &replies);
            }
        }
        drop(reader);
        let (lock, cvar) = &*term;
        lock.lock().unwrap().closed = true;
        cvar.notify_all();
    })
}

/// A running program in a pseudo-terminal. Dropping it kills the program.
pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    hang_up: Arc<AtomicBool>,
    writer: SharedWriter,
    child: Box<dyn Child + Send + Sync>,
    term: Arc<(Mutex<Terminal>, Condvar)>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
    _home: Option<tempfile::TempDir>,
}

impl Pty {
    /// Types bytes as they are.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        // In pieces, so the reader thread can answer a query between them.
        for chunk in bytes.chunks(4096) {
            let mut w = self.writer.lock().unwrap();
            let w = w.as_mut().expect("the terminal is open");
            write_all(w.as_mut(), chunk).expect("write to the pty");
        }
    }

    /// Types text: Latin, Persian, digits, as a keyboard would.
    pub fn send_text(&mut self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    /// Presses one key.
    pub fn send(&mut self, key: Key) {
        self.send_bytes(&key.bytes());
        if key == Key::Esc {
            // A lone ESC is Esc only if nothing follows in the same read; a terminal's user
            // cannot type faster than this either.
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses keys one after the other.
    pub fn send_keys(&mut self, keys: &[Key]) {
        for k in keys {
            self.send(*k);
        }
    }

    /// Pastes text as a terminal does with bracketed paste on.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send_bytes(&bytes);
    }

    /// The screen now.
    pub fn screen(&self) -> Screen {
        self.term.0.lock().unwrap().snapshot()
    }

    /// The screen's rows as text, trailing blanks trimmed.
    pub fn rows(&self) -> Vec<String> {
        self.screen().rows
    }

    /// Everything the program wrote, escape sequences included.
    pub fn output(&self) -> Vec<u8> {
        self.term.0.lock().unwrap().raw.clone()
    }

    /// Waits until `done(screen)` holds; fails the test with `what`, the time waited and the
    /// screen if it does not within `timeout`.
    pub fn wait_for(
        &mut self,
        what: &str,
        done: impl Fn(&Screen) -> bool,
        timeout: Duration,
    ) -> Screen {
        let start = Instant::now();
        let (lock, cvar) = &*self.term;
        let mut t = lock.lock().unwrap();
        loop {
            let screen = t.snapshot();
            if done(&screen) {
                return screen;
            }
            let waited = start.elapsed();
            if waited >= timeout || (t.closed && waited > Duration::ZERO) {
                let closed = t.closed;
                drop(t);
                let status = self.try_exit().map(|s| format!("{s:?}"));
                panic!(
                    "waited {waited:.1?} for {what}, in vain{}; the screen:\n{screen}",
                    match (closed, status) {
                        (_, Some(s)) => format!(" (the program ended: {s})"),
                        (true, None) => " (the program closed the terminal)".to_string(),
                        _ => String::new(),
                    }
                );
            }
            // Woken by new output; the timeout also rechecks a program that has closed.
            let slice = (timeout - waited).min(Duration::from_millis(100));
            t = cvar.wait_timeout(t, slice).unwrap().0;
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&mut self, text: &str, timeout: Duration) -> Screen {
        self.wait_for(
            &format!("{text:?} on the screen"),
            |s| s.contains(text),
            timeout,
        )
    }

    /// Resizes the terminal, as a user dragging the window (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.term.0.lock().unwrap().resize(rows, cols);
        let master = self.master.as_ref().expect("the terminal is open");
        master.resize(pty_size(cols, rows)).expect("resize the pty");
    }

    /// The terminal's line discipline as the program left it (`stty`).
    pub fn termios(&self) -> Option<nix::sys::termios::Termios> {
        self.master.as_ref()?.get_termios()
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child
            .process_id()
            .expect("a running program has a pid")
    }

    /// Sends a signal by name (`TERM`, `HUP`, `KILL`, `INT`).
    pub fn signal(&mut self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "kill -{name} {} failed", self.pid());
    }

    /// `kill -9`: no chance to clean up, as when the laptop's battery dies.
    pub fn kill9(&mut self) -> ExitStatus {
        self.signal("KILL");
        self.wait_exit(SHORT)
    }

    /// Closes the terminal, as closing its window does: every master descriptor is closed, so
    /// the kernel hangs the terminal up, the program gets SIGHUP and its reads and writes on the
    /// terminal fail. (portable-pty's writer sends a newline and Ctrl+D as it closes: Ctrl+J
    /// and Ctrl+D to a program in raw mode.) Returns how the program ended.
    pub fn hang_up(&mut self, timeout: Duration) -> ExitStatus {
        self.hang_up.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        drop(self.writer.lock().unwrap().take());
        drop(self.master.take());
        self.wait_exit(timeout)
    }

    /// Waits for the program to end, and for the last of its output to be read.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.try_exit() {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return s;
            }
            if start.elapsed() >= timeout {
                panic!(
                    "the program did not end within {timeout:?}; the screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn try_exit(&mut self) -> Option<ExitStatus> {
        if self.exit.is_none() {
            self.exit = self.child.try_wait().ok().flatten();
        }
        self.exit.clone()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.try_exit().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl fmt::Debug for Pty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pty {{ exit: {:?} }}", self.exit)
    }
}

pub(crate) fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}
