/**
 * Text for an RSS title or description. Feed readers differ: some show these as text, many read
 * them as HTML. Plain text suits both, with one exception: what HTML would read as markup. So
 * only a `<` that could open a tag or comment, and an `&` that could start a character
 * reference, are escaped (once; @astrojs/rss then escapes for XML). "Let's", "A & B" and
 * "x < y" stay as they are, and a hostile `<script>` is text in every reader.
 */
export function feedText(text: string): string {
  return text.replace(/&(?=#?[A-Za-z0-9]+;?)/g, '&amp;').replace(/<(?=[A-Za-z!/?])/g, '&lt;');
}
