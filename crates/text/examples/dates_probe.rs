//! Print the date expressions marsad reads in each line of standard input, resolved against the
//! publication date given as the first argument: `cargo run -p marsad-text --example dates_probe 2025-06-26`.

fn main() {
    let pubd = std::env::args().nth(1);
    for line in std::io::stdin().lines() {
        let line = line.unwrap();
        let ds = marsad_text::dates::dates(&line, pubd.as_deref());
        let chars: Vec<char> = line.chars().collect();
        let shown: Vec<String> = ds
            .iter()
            .map(|d| {
                format!(
                    "[{}]={} p{} rel{} bg{}",
                    chars[d.span.start as usize..d.span.end as usize].iter().collect::<String>(),
                    d.date.map(|x| x.to_iso()).unwrap_or("-".into()),
                    d.precision as u8,
                    d.relative as u8,
                    d.background as u8
                )
            })
            .collect();
        println!("{line}\n   -> {}", shown.join(" "));
    }
}
