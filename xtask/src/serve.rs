//! `cargo xtask serve`: builds `dist/` and serves it on 127.0.0.1 with a
//! small static HTTP/1.1 server, until killed.
//!
//! Browsers load ES modules and wasm only over HTTP, with the right
//! Content-Type (`application/wasm` for streaming compilation), so opening
//! `index.html` as a file does not work. The server answers GET and HEAD for
//! files under `dist/` and nothing outside it, one connection a request.

use crate::{dist, project_root, Result};
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

/// The port tried first; the next free one is used when it is taken.
pub const DEFAULT_PORT: u16 = 8000;

/// How many ports above the asked one are tried.
const PORTS_TRIED: u16 = 50;

/// The most a request's line and headers may take.
const MAX_HEAD: u64 = 16 * 1024;

/// Builds `dist/` and serves it until the process is killed.
pub fn run(port: u16) -> Result<()> {
    dist::run()?;
    let root = project_root().join("dist");
    let listener = bind(port)?;
    let port = listener.local_addr()?.port();
    println!("serving dist/ at http://127.0.0.1:{port}/ (ctrl-c to stop)");
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = root.clone();
                thread::spawn(move || handle(stream, &root));
            }
            Err(err) => eprintln!("warning: cannot accept a connection: {err}"),
        }
    }
    Ok(())
}

/// Listens on `port`, or the first free port above it.
fn bind(port: u16) -> Result<TcpListener> {
    let last = port.saturating_add(PORTS_TRIED);
    for port in port..=last {
        match TcpListener::bind((Ipv4Addr::LOCALHOST, port)) {
            Ok(listener) => return Ok(listener),
            Err(err) if err.kind() == io::ErrorKind::AddrInUse => continue,
            Err(err) => return Err(format!("cannot listen on 127.0.0.1:{port}: {err}").into()),
        }
    }
    Err(format!("ports {port} to {last} are all taken").into())
}

/// Answers one request on `stream` and closes it.
fn handle(stream: TcpStream, root: &Path) {
    if let Err(err) = answer(&stream, root) {
        eprintln!("warning: {err}");
    }
}

fn answer(mut stream: &TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.take(MAX_HEAD));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers say nothing this server needs; read them so that the
    // client is not reset while still sending.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let response = respond(method, target, root);
    eprintln!("{method} {target} {}", response.status);
    stream.write_all(&response.into_bytes(method == "HEAD"))?;
    stream.flush()
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Response {
    fn text(status: &'static str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status}\n").into_bytes(),
        }
    }

    fn into_bytes(self, head_only: bool) -> Vec<u8> {
        let mut bytes = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
             X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
            self.status,
            self.content_type,
            self.body.len()
        )
        .into_bytes();
        if !head_only {
            bytes.extend(self.body);
        }
        bytes
    }
}

/// The response to `method target` for the files under `root`.
fn respond(method: &str, target: &str, root: &Path) -> Response {
    if method != "GET" && method != "HEAD" {
        return Response::text("405 Method Not Allowed");
    }
    let Some(mut path) = resolve(root, target) else {
        return Response::text("400 Bad Request");
    };
    if path.is_dir() {
        path.push("index.html");
    }
    match fs::read(&path) {
        Ok(body) => Response {
            status: "200 OK",
            content_type: content_type(&path),
            body,
        },
        Err(_) => Response::text("404 Not Found"),
    }
}

/// The file a request target names under `root`, or `None` when it is not
/// a plain path or would leave `root`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?.strip_prefix('/')?;
    let path = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            _ if segment.contains(['\\', ':', '\0']) => return None,
            _ => file.push(segment),
        }
    }
    Some(file)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut rest = s.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory holding `dist/`-like files, for one test.
    fn site(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("pkg")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html><title>年报</title>").unwrap();
        fs::write(dir.join("pkg/nianbao_wasm_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        dir
    }

    #[test]
    fn serves_files_with_their_content_type() {
        let root = site("types");
        let index = respond("GET", "/", &root);
        assert_eq!(
            (index.status, index.content_type),
            ("200 OK", "text/html; charset=utf-8")
        );
        assert_eq!(index.body, fs::read(root.join("index.html")).unwrap());
        let wasm = respond("GET", "/pkg/nianbao_wasm_bg.wasm?v=1", &root);
        assert_eq!(
            (wasm.status, wasm.content_type),
            ("200 OK", "application/wasm")
        );
        assert_eq!(respond("GET", "/pkg/", &root).status, "404 Not Found");
        assert_eq!(respond("GET", "/missing.js", &root).status, "404 Not Found");
        assert_eq!(respond("POST", "/", &root).status, "405 Method Not Allowed");
        assert_eq!(
            content_type(Path::new("main.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("style.css")),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("rules.json")), "application/json");
    }

    #[test]
    fn never_leaves_the_root() {
        let root = site("traversal");
        for target in [
            "/../Cargo.toml",
            "/pkg/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2fx",
            "/a\\..\\b",
            "/c:/x",
            "/%zz",
            "x",
        ] {
            assert_eq!(
                respond("GET", target, &root).status,
                "400 Bad Request",
                "{target}"
            );
        }
        assert_eq!(
            resolve(&root, "//index.html"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            resolve(&root, "/./pkg/%E5%B9%B4.js"),
            Some(root.join("pkg/年.js"))
        );
    }

    #[test]
    fn answers_over_tcp() {
        let root = site("tcp");
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let addr = listener.local_addr().unwrap();
        let server = thread::spawn(move || handle(listener.accept().unwrap().0, &root));
        let mut client = TcpStream::connect(addr).unwrap();
        client
            .write_all(b"GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        let mut reply = String::new();
        client.read_to_string(&mut reply).unwrap();
        server.join().unwrap();
        assert!(reply.starts_with("HTTP/1.1 200 OK\r\n"), "{reply}");
        assert!(
            reply.contains("\r\nContent-Type: text/html; charset=utf-8\r\n"),
            "{reply}"
        );
        assert!(
            reply.ends_with("\r\n\r\n<!doctype html><title>年报</title>"),
            "{reply}"
        );
    }
}
