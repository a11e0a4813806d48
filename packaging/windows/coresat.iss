; Coresat installer for Windows, built with Inno Setup 6.3 or later:
;
;   ISCC /DAppVersion=0.1.0 packaging\windows\coresat.iss     (or: python packaging\build.py installer)
;
; Input: the one-folder app in dist\coresat (python packaging\build.py app).
; Output: dist\Coresat-Setup-VERSION.exe.
;
; Per-user by default: no administrator rights, installs to %LOCALAPPDATA%\Programs\Coresat and writes
; only HKEY_CURRENT_USER (HKA below means HKCU for a per-user install, HKLM if the user chooses "install
; for all users" in the privileges dialog).
;
; File association. Scenario files are named NAME.coresat.toml, and Explorer types a file by its LAST
; extension only (".toml"): a key for ".coresat.toml" would never be consulted. Taking over ".toml" as
; a whole would hijack every TOML file on the machine. So Coresat registers a ProgID (Coresat.Scenario)
; and adds it to the "Open with" list of .toml files (OpenWithProgids), which Windows documents as the
; way for an app to offer itself for a type without becoming its default. Double-clicking a scenario
; still opens the user's default .toml program until the user picks Coresat under "Open with > Always".
; See README.md ("Installers and the frozen app").
;
; tests/packaging checks AppId, the ProgID, the extension and the output name against
; packaging/appinfo.py.

#ifndef AppVersion
  #error Pass the version on the command line: ISCC /DAppVersion=X.Y.Z coresat.iss
#endif

#define AppName "Coresat"
#define AppExe "coresat.exe"
#define ProgId "Coresat.Scenario"
#define ScenarioExt ".coresat.toml"
#define LastExt ".toml"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{FD1C3542-C60B-43FF-839E-2E8ABB950F76}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Coresat
AppComments=Core/satellite small-cap rebalancing under a volatility limit. Not investment advice.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; PySide6 6.x needs Windows 10 1809 or later
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=Coresat-Setup-{#AppVersion}
SetupIconFile=..\icons\coresat.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "openwith"; Description: "Offer Coresat under ""Open with"" for scenario files (*{#ScenarioExt})"; GroupDescription: "File types:"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\coresat\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Rebalance a core/satellite small-cap sleeve"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The application itself: shown by name in "Open with", launched with the file as its argument.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#LastExt}"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; The scenario document type (ProgID): name, icon, open command.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Coresat scenario"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
; Offered for .toml files (the extension Explorer sees on NAME.coresat.toml) without becoming their default.
Root: HKA; Subkey: "Software\Classes\{#LastExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's scenarios, price store and settings (%LOCALAPPDATA%\Coresat) are left in place on uninstall.
