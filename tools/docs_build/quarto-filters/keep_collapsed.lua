-- The site folds a collapsed callout; the Markdown copy of each page (Quarto's commonmark output,
-- `_docs/<page>.html.md`) would otherwise flatten it into a plain quote and lose the fact that it is
-- folded. There it stays a fenced div with its class, `collapse="true"` and title, as in the notebook.
local function fence(text) return pandoc.RawBlock('commonmark', text) end

function Div(el)
  if not (FORMAT:match('commonmark') or FORMAT:match('gfm')) then return nil end
  local cls = el.classes[1] or ''
  if not cls:match('^callout') or el.attributes['collapse'] ~= 'true' then return nil end
  local attrs = '{.' .. cls .. ' collapse="true"'
  if el.attributes['title'] then attrs = attrs .. ' title="' .. el.attributes['title'] .. '"' end
  local out = { fence('::: ' .. attrs .. '}') }
  for _, b in ipairs(el.content) do table.insert(out, b) end
  table.insert(out, fence(':::'))
  return out
end
