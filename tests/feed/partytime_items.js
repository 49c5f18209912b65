// Reads an RSS document on stdin and prints what Podcast Index's partytime parser makes of it
// (the parser web podcast apps use): the channel and each item, as JSON on stdout.
const { parseFeed } = require("podcast-partytime");

let xml = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { xml += chunk; });
process.stdin.on("end", () => {
  const feed = parseFeed(xml, { allowMissingGuid: false });
  if (!feed) {
    process.stderr.write("partytime could not parse the feed\n");
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(feed));
});
