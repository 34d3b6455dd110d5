//! Prints the JSON output for a file, for eyeballing during development.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let report = nianbao::check(&text);
    let out = nianbao::output::Output::new(&report, &text, Some(&path));
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
