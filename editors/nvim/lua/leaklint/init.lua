-- leaklint for Neovim: starts `leaklint lsp` for JavaScript and TypeScript
-- buffers. Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client,
-- one client per root folder) and on 0.8+ (vim.lsp.start, which reuses
-- clients itself). No analysis happens here: the server does it all.
--
--   require('leaklint').setup{}                      -- defaults
--   require('leaklint').setup{ cmd = {'/path/to/leaklint', 'lsp'},
--     settings = { leaklint = { rules = { ['no-implicit-global'] = 'off' },
--                               env = { 'node' } } } }
local M = {}

local defaults = {
  cmd = { 'leaklint', 'lsp' },
  filetypes = { 'javascript', 'javascriptreact', 'typescript',
                'typescriptreact' },
  root_markers = { '.leaklintrc.json', 'package.json', '.git' },
  settings = {},       -- sent with workspace/didChangeConfiguration
  init_options = {},   -- initializationOptions (same shape as settings)
  on_attach = nil,     -- function(client, bufnr)
  capabilities = nil,  -- passed through to the client
}

M.config = vim.deepcopy(defaults)
local clients_by_root = {} -- Neovim 0.7 only: root -> client id

local function has_value(list, value)
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

-- The nearest folder above the buffer's file holding a root marker, else
-- the file's folder (or the working folder for unnamed buffers).
local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local cur = dir
  while cur and cur ~= '' do
    for _, marker in ipairs(M.config.root_markers) do
      local p = cur .. '/' .. marker
      if vim.fn.filereadable(p) == 1 or vim.fn.isdirectory(p) == 1 then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then break end
    cur = parent
  end
  return dir
end

local function client_config(root)
  return {
    name = 'leaklint',
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = {
      { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') },
    },
    settings = M.config.settings,
    init_options = M.config.init_options,
    on_attach = M.config.on_attach,
    capabilities = M.config.capabilities,
  }
end

--- Starts (or reuses) the server for buffer `bufnr` and attaches it.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    vim.notify_once('leaklint: `' .. M.config.cmd[1] ..
                    '` not found: set cmd in require("leaklint").setup{}',
                    vim.log.levels.WARN)
    return nil
  end
  local root = root_dir(bufnr)
  if vim.lsp.start then -- Neovim 0.8+
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(client_config(root))
    if not id then return nil end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Configures the plugin and attaches to matching buffers, now and later.
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('leaklint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and
       has_value(M.config.filetypes, vim.api.nvim_buf_get_option(buf, 'filetype')) then
      M.attach(buf)
    end
  end
end

return M
