/** The README.md inside a snapshot: what each folder holds, how to verify it, how to open and serve it. */
export function bagReadme(input: { name: string; base: string; date: string }): string {
  const { name, base, date } = input;
  const nested = base === '/' ? '' : base.replace(/^\/|\/$/g, '');
  const parent = nested.includes('/') ? nested.slice(0, nested.lastIndexOf('/')) : '';
  const serveRoot = nested ? `/tmp/${name}-serve` : `data/site`;
  const link = nested ? `mkdir -p ${serveRoot}${parent ? `/${parent}` : ''} && cp -r data/site ${serveRoot}/${nested}` : '';
  return `# 部门决算公开网站存档快照 ${name}

存档日期：${date}。网站构建时的基础路径：\`${base}\`。

本快照为 BagIt 格式（RFC 8493）。根目录的 bag-info.txt 记录主办单位、存档日期、内容版本（git 提交）和构建工具版本；
manifest-sha256.txt 列出 data/ 下每个文件的 SHA-256，tagmanifest-sha256.txt 列出前三个说明文件的 SHA-256。

## 目录 / Folders

- \`data/site/\` — 网站原样（与发布到服务器上的文件逐字节相同），需通过网站服务器、在基础路径 \`${base}\` 下访问。
- \`data/offline/\` — 可直接从磁盘打开的副本：双击 \`data/offline/index.html\` 即可浏览全部页面、表格和图表数据表。
  链接已改为相对路径（指向各文件夹的 index.html），脚本改为普通脚本。**搜索需要网站服务器**，从磁盘打开时搜索页会提示。
- \`data/open-data/\` — 开放数据：各表 CSV（UTF-8 带 BOM）、datapackage.json、index.json、打包 ZIP。
- \`data/reports/\` — 构建时的核对报告（JSON）。
- \`data/sources/\` — 各部门年度决算公开原文（source.txt）。

## 核验 / Verify

在本文件夹（快照根目录）中：

\`\`\`sh
sha256sum manifest-sha256.txt          # 与网站“历史版本与存档”页记录的清单 SHA-256 比对
sha256sum -c tagmanifest-sha256.txt
sha256sum -c manifest-sha256.txt        # 逐个核对 data/ 下的文件
\`\`\`

在项目中也可运行 \`npm run snapshot:verify -- <快照文件夹>\`：它还会指出多出的文件。

## 通过服务器访问 / Serve it at its base path

网页中的链接是 \`${base}\` 下的绝对路径，所以要把 \`data/site/\` 放在服务器的 \`${base}\` 下：

${
  nested
    ? `\`\`\`sh
${link}
python3 -m http.server 8080 --directory ${serveRoot}      # 然后打开 http://localhost:8080${base}
# 或：npx serve ${serveRoot}                                 # 然后打开 http://localhost:3000${base}
\`\`\``
    : `\`\`\`sh
python3 -m http.server 8080 --directory data/site          # 然后打开 http://localhost:8080/
# 或：npx serve data/site
\`\`\``
}

nginx：

\`\`\`nginx
location ${base} {
    alias /path/to/${name}/data/site/;
}
\`\`\`

不需要任何重写规则；文件夹地址（如 \`${base}某部门/2023/\`）由服务器返回其中的 index.html。
`;
}
