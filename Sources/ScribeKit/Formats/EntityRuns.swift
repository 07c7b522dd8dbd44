/// The named entities of one segment, as runs of its items: what formats that mark entities
/// (HTML, segmented JSON) need to know to mark exactly the entity's text.
struct EntityRun {
  /// The entity.
  var entity: NamedEntity
  /// The positions of its first and last words in the segment's items.
  var items: ClosedRange<Int>
  /// Unicode scalars of the first word before the entity begins (an opening quote).
  var leading: Int
  /// Unicode scalars of the last word after the entity ends (closing punctuation: the API's
  /// `"Reyes."` word holds the entity `Dana Reyes` and a full stop).
  var trailing: Int
  /// Where the entity lies in the segment's text, in Unicode scalars, `end` exclusive.
  var scalars: Range<Int>

  /// The runs of `segment`, in order; empty when no item is part of an entity.
  static func runs(of segment: Cue) -> [EntityRun] {
    guard segment.itemSlice.contains(where: { $0.entity != nil }) else { return [] }
    let items = Array(segment.itemSlice)
    let ranges = TextPositions.locate(items.map(\.text), in: segment.text)
    var runs: [EntityRun] = []
    for (index, item) in items.enumerated() where item.isTimed {
      guard let entity = item.entity, let range = ranges[index] else { continue }
      if var last = runs.last, last.entity == entity {
        last.items = last.items.lowerBound...index
        last.scalars = last.scalars.lowerBound..<range.upperBound
        runs[runs.count - 1] = last
      } else {
        runs.append(
          EntityRun(entity: entity, items: index...index, leading: 0, trailing: 0, scalars: range))
      }
    }
    // Narrow each run to the entity's own text where the words hold more (punctuation).
    for index in runs.indices {
      let run = runs[index]
      guard let text = TextPositions.substring(segment.text, scalars: run.scalars) else { continue }
      let whole = Array(text.unicodeScalars)
      let needle = Array(run.entity.text.unicodeScalars)
      guard !needle.isEmpty, needle.count < whole.count,
        let offset = (0...(whole.count - needle.count)).first(where: {
          whole[$0..<$0 + needle.count].elementsEqual(needle)
        })
      else { continue }
      let first = items[run.items.lowerBound].text.unicodeScalars.count
      let last = items[run.items.upperBound].text.unicodeScalars.count
      let trailing = whole.count - offset - needle.count
      // Only what lies within the first and last words is trimmed: never a whole word.
      guard offset < first, trailing < last else { continue }
      runs[index].leading = offset
      runs[index].trailing = trailing
      runs[index].scalars =
        run.scalars.lowerBound + offset..<run.scalars.upperBound - trailing
    }
    return runs
  }
}
