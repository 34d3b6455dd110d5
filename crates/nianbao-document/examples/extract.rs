//! Prints the text a document reads to, each line with its place:
//! `cargo run -p nianbao-document --example extract -- FILE`.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let start = std::time::Instant::now();
        match nianbao_document::read(&bytes) {
            Ok(doc) => {
                eprintln!(
                    "{path}: {} lines in {:?}",
                    doc.places.len(),
                    start.elapsed()
                );
                for (line, place) in doc.text.lines().zip(&doc.places) {
                    println!("{place}\t{line}");
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
