-- A badge is a linked image alone in its paragraph, linking to another site (the lessons' "Open In
-- Colab", a CI badge). Quarto makes such a paragraph a <figure> with the alt text as a caption under
-- the badge. Here it stays a linked image with its alt text: in HTML inside <div class="badges">,
-- in the README's gfm as the same Markdown. Runs before Quarto finds figures (`at: pre-ast`).
function Para(el)
  local link = el.content[1]
  if #el.content ~= 1 or link.t ~= 'Link' or not link.target:match('^https?://') then return nil end
  if #link.content ~= 1 or link.content[1].t ~= 'Image' or link.content[1].identifier ~= '' then return nil end
  if quarto.doc.is_format('html') then return pandoc.Div(pandoc.Plain(el.content), pandoc.Attr('', {'badges'})) end
  return pandoc.Plain(el.content)
end
