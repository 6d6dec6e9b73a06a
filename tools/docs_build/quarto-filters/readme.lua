-- README.md is nbdev_readme's gfm render of index.ipynb. Keep it as the notebook says it:
-- put back the `> description` line that Quarto's gfm drops under the title, and keep the
-- quotes and apostrophes straight, as typed (pandoc's smart typography makes them curly).
-- Lines are not wrapped: `wrap: none` in nbs/_quarto.yml.
if not quarto.doc.is_format('gfm') then return {} end

local function straight(s) return (s:gsub('’', "'"):gsub('‘', "'")) end

return {
  {
    Pandoc = function(doc)
      local desc = doc.meta.description
      if desc then doc.blocks:insert(1, pandoc.BlockQuote{pandoc.Para(pandoc.Inlines(desc))}) end
      return doc
    end,
  },
  {
    Str = function(el)
      local t = straight(el.text)
      if t ~= el.text then return pandoc.Str(t) end
    end,
    Quoted = function(el)
      local q = el.quotetype == 'SingleQuote' and "'" or '"'
      local out = pandoc.Inlines{pandoc.Str(q)}
      out:extend(el.content)
      out:insert(pandoc.Str(q))
      return out
    end,
  },
}
