function load(rows) {
  for (i = 0; i < rows.length; i++) {
    console.log(rows[i]);
  }
}

function start() {
  setInterval(load, 1000);
}
