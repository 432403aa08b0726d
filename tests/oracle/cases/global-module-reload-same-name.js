// oracle: rule=no-implicit-global site=3:1 entry=module expect=no-leak
// A sloppy module assigns an undeclared config name at load: reloading rewrites the same global.
legacyConfig = { loadedAt: Date.now(), retries: 3 };

function retries() {
  return legacyConfig.retries;
}

module.exports = { retries };
