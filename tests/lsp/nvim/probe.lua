-- The real-client test: Neovim (headless) with editors/nvim on the runtime
-- path opens the fixture through require('leaklint').setup{}, waits for the
-- server's diagnostics and checks their rule ids and ranges, then applies
-- the "Declare 'i' with let" quick fix through the client and checks the
-- buffer text and that the diagnostic went away; last it runs the
-- interval's "Confirm … by running it" action and waits for the verdict on
-- the diagnostic. Exit: 0 pass, 1 fail.
local function fail(msg)
  io.stderr:write('nvim probe: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local bin = os.getenv('LEAKLINT_BIN') or 'leaklint'
local bufnr = vim.api.nvim_get_current_buf()
require('leaklint').setup({ cmd = { bin, 'lsp' } })
vim.cmd('filetype on')
vim.api.nvim_buf_set_option(bufnr, 'filetype', 'javascript')

local function codes()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out[#out + 1] = string.format('%s@%d:%d-%d:%d', tostring(d.code), d.lnum,
                                  d.col, d.end_lnum, d.end_col)
  end
  table.sort(out)
  return table.concat(out, ' ')
end

if not vim.wait(10000, function() return #vim.diagnostic.get(bufnr) >= 2 end, 20) then
  fail('no diagnostics arrived: ' .. codes())
end
local got = codes()
io.stdout:write('diagnostics: ' .. got .. '\n')
-- Both write sites of `i` (`i = 0` and `i++`), and the discarded interval.
local want = 'no-implicit-global@1:31-1:32 no-implicit-global@1:7-1:8 ' ..
             'no-uncleared-interval@7:2-7:25'
if got ~= want then fail('expected ' .. want .. ', got ' .. got) end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.source ~= 'leaklint' then fail('source is ' .. tostring(d.source)) end
end

-- Ask for the code actions on the implicit global and apply the quick fix.
local diag
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.code == 'no-implicit-global' and d.col == 7 then diag = d end
end
-- (Neovim 0.7 keeps only part of the LSP diagnostic in user_data.)
local lsp_diag = {
  range = { start = { line = diag.lnum, character = diag.col },
            ['end'] = { line = diag.end_lnum, character = diag.end_col } },
  code = diag.code, source = diag.source, message = diag.message,
}
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = lsp_diag.range,
  context = { diagnostics = { lsp_diag } },
}
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
local fix
for _, res in pairs(results or {}) do
  for _, action in ipairs(res.result or {}) do
    io.stdout:write('action: ' .. action.title .. '\n')
    if action.title:find("Declare 'i' with let", 1, true) then fix = action end
  end
end
if not fix then fail('no declare quick fix offered') end
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
local line = vim.api.nvim_buf_get_lines(bufnr, 1, 2, false)[1]
io.stdout:write('line 2: ' .. line .. '\n')
if line ~= '  let i;' then fail('the fix inserted ' .. vim.inspect(line)) end

if not vim.wait(10000, function()
  return codes() == 'no-uncleared-interval@8:2-8:25'
end, 20) then
  fail('diagnostics after the fix: ' .. codes())
end
io.stdout:write('after fix: ' .. codes() .. '\n')

-- Confirm the interval by running it: the code action carries the
-- `leaklint.confirm` command, the client sends it (workspace/executeCommand)
-- and the server re-publishes the diagnostic with the verdict.
local idiag
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.code == 'no-uncleared-interval' then idiag = d end
end
local irange = {
  start = { line = idiag.lnum, character = idiag.col },
  ['end'] = { line = idiag.end_lnum, character = idiag.end_col },
}
results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = irange,
  context = { diagnostics = { { range = irange, code = idiag.code,
                                source = idiag.source,
                                message = idiag.message } } },
}, 5000)
local run
for _, res in pairs(results or {}) do
  for _, action in ipairs(res.result or {}) do
    io.stdout:write('action: ' .. action.title .. '\n')
    if action.title:find('by running it', 1, true) then run = action end
  end
end
if not run or not run.command or run.command.command ~= 'leaklint.confirm' then
  fail('no leaklint.confirm action offered')
end
vim.lsp.buf.execute_command(run.command)
local verdict
if not vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local at = d.message:find('\nconfirmed: ', 1, true)
    if at then verdict = d.message:sub(at + 1) end
  end
  return verdict ~= nil
end, 50) then
  fail('no verdict on the diagnostic')
end
io.stdout:write('verdict: ' .. verdict .. '\n')
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd('qall!')
