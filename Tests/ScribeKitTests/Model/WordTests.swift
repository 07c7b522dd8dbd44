import Testing

@testable import ScribeKit

/// The item's compact storage: every field reads back what was set, and equal items are equal
/// however they were built.
@Suite("Model: Word")
struct WordTests {
  @Test func anItemIsSeventyTwoBytes() {
    // A 100-hour transcript holds 1.2 million items; growing this grows its peak memory.
    #expect(MemoryLayout<Word>.stride == 72)
  }

  @Test func optionalFieldsReadBackWhatWasSet() {
    var word = Word(text: "Hi", start: 1, end: 2)
    #expect(word.logprob == nil && word.channelIndex == nil && word.loss == nil)
    #expect(word.characters == nil && word.entity == nil)
    word.logprob = -0.25
    word.channelIndex = 3
    word.loss = 0.5
    word.characters = [CharacterTiming(text: "H", start: 1, end: 1.5)]
    word.entity = NamedEntity(text: "Hi", type: "greeting", number: 0)
    #expect(word.logprob == -0.25 && word.channelIndex == 3 && word.loss == 0.5)
    #expect(word.characters?.map(\.text) == ["H"] && word.entity?.type == "greeting")
    word.logprob = nil
    word.channelIndex = nil
    word.loss = nil
    word.characters = nil
    word.entity = nil
    #expect(word == Word(text: "Hi", start: 1, end: 2))
  }

  @Test(arguments: [0, -1, Int(Int32.max), Int(Int32.min), Int(Int32.min) + 1, Int.max, Int.min])
  func everyChannelIndexReadsBack(index: Int) {
    var word = Word(text: "a", start: 0, end: 1, channelIndex: index)
    #expect(word.channelIndex == index)
    word.channelIndex = nil
    #expect(word.channelIndex == nil)
    word.channelIndex = index
    #expect(word == Word(text: "a", start: 0, end: 1, channelIndex: index))
  }

  @Test func logProbabilitiesKeepEveryValue() {
    for value in [0.0, -0.0, -1e-300, -.infinity, .greatestFiniteMagnitude, -0.2534] {
      #expect(Word(text: "a", start: 0, end: 1, logprob: value).logprob == value)
    }
    #expect(Word(text: "a", start: 0, end: 1, logprob: .nan).logprob?.isNaN == true)
    // Compared as numbers, as `Double?` compares them.
    #expect(
      Word(text: "a", start: 0, end: 1, logprob: 0.0)
        == Word(text: "a", start: 0, end: 1, logprob: -0.0))
  }

  @Test func aCopyKeepsItsFieldsWhenTheOriginalChanges() {
    var original = Word(text: "a", start: 0, end: 1, characters: [])
    original.loss = 1
    let copy = original
    original.loss = 2
    original.characters = nil
    #expect(copy.loss == 1 && copy.characters == [])
    #expect(original.loss == 2 && original.characters == nil)
    #expect(copy != original)
  }
}
