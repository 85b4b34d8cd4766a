//! A thin writer over quick-xml: elements, attributes and text, escaped by quick-xml, with
//! every text first [`clean`]ed so the part stays well-formed XML whatever the records hold.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::export::document::clean;

pub(super) struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    /// A new part, starting with the XML declaration.
    pub fn new() -> io::Result<Self> {
        let mut w = Writer::new(Vec::with_capacity(16 * 1024));
        w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))?;
        w.get_mut().push(b'\n');
        Ok(Xml { w })
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.w.write_event(Event::Start(start))
    }

    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.w.write_event(Event::Empty(start))
    }

    /// `<w:x w:val="v"/>`, the commonest shape in WordprocessingML.
    pub fn val(&mut self, name: &str, val: &str) -> io::Result<()> {
        self.empty(name, &[("w:val", val)])
    }

    /// Escaped, cleaned text.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        self.w
            .write_event(Event::Text(BytesText::new(&clean(text))))
    }

    /// `<name attrs>text</name>`.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.open(name, attrs)?;
        self.text(text)?;
        self.close(name)
    }

    pub fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }
}
